// What Decap CMS 3.16's own Swedish lacks (it falls back to English there), added over it,
// and a plain "+" on the button for a new practice (see locale-fi.js).
"use strict";

window.DECAP_LOCALE_SV_ADDITIONS = {
  "auth": {
    "loginWithForgejo": "Logga in med Forgejo"
  },
  "collection": {
    "collectionTop": {
      "newButton": "+ %{collectionLabel}",
      "viewAsList": "Som lista",
      "viewAsGrid": "Som rutnät"
    },
    "entries": {
      "unpublishedHeader": "Opublicerade"
    }
  },
  "editor": {
    "editorControl": {
      "field": {
        "widgetLabel": "%{widgetLabel}-fält"
      }
    },
    "editorControlPane": {
      "i18n": {
        "copyFromLocale": "Fyll i från ett annat språk",
        "copyFromLocaleConfirm": "Fylls fälten i från språket %{locale}?\nAllt nuvarande innehåll ersätts."
      }
    },
    "editorInterface": {
      "toggleNotes": "Visa eller dölj anteckningar"
    },
    "editorNotesPane": {
      "title": "Anteckningar",
      "emptyState": "Inga anteckningar ännu. Lägg till den första nedan.",
      "addNote": "Lägg till anteckning",
      "addPlaceholder": "Skriv en anteckning...",
      "editPlaceholder": "Redigera anteckningen...",
      "save": "Spara",
      "cancel": "Avbryt",
      "edit": "Redigera",
      "delete": "Radera",
      "resolve": "Markera som löst",
      "unresolve": "Öppna igen",
      "confirmDelete": "Raderas anteckningen?",
      "shortcut": "Tips: Ctrl+Enter lägger till anteckningen"
    },
    "editorToolbar": {
      "statusInfoTooltipDraft": "Statusen är utkast. När praxisen är klar att granskas, ändra statusen till ”Under granskning”.",
      "statusInfoTooltipInReview": "Praxisen granskas. Du kan fortfarande göra ändringar.",
      "deployButtonLabel": "Visa på webbplatsen"
    },
    "editorWidgets": {
      "markdown": {
        "strikethrough": "Genomstruken",
        "toggleMode": {
          "rich": "Byt till formaterad text",
          "markdown": "Byt till Markdown"
        }
      },
      "image": {
        "chooseMultiple": "Välj bilder",
        "addMore": "Lägg till fler bilder",
        "removeAll": "Ta bort alla bilder"
      },
      "file": {
        "chooseMultiple": "Välj filer",
        "addMore": "Lägg till fler filer",
        "removeAll": "Ta bort alla filer"
      },
      "datetime": {
        "setToNow": "Sätt %{fieldLabel} till nu"
      },
      "list": {
        "add": "Lägg till: %{item}",
        "addType": "Lägg till: %{item}"
      },
      "object": {
        "expand": "Öppna",
        "collapse": "Stäng"
      }
    }
  },
  "mediaLibrary": {
    "mediaLibraryModal": {
      "close": "Stäng"
    }
  },
  "ui": {
    "settingsDropdown": {
      "account": "Kontoval"
    },
    "toast": {
      "noteAdded": "Anteckningen har lagts till",
      "onFailToAddNote": "Anteckningen kunde inte läggas till: %{details}",
      "noteUpdated": "Anteckningen har uppdaterats",
      "onFailToUpdateNote": "Anteckningen kunde inte uppdateras: %{details}",
      "noteDeleted": "Anteckningen har raderats",
      "onFailToDeleteNote": "Anteckningen kunde inte raderas: %{details}",
      "noteResolved": "Anteckningen är löst",
      "noteReopened": "Anteckningen har öppnats igen",
      "onFailToToggleNote": "Anteckningens status kunde inte ändras: %{details}"
    }
  }
};
