// Finnish for Decap CMS 3.16 (it ships Swedish but no Finnish). Written for this catalogue:
// "käytäntö" is a practice. Keys as in Decap's English locale (decap-cms-locales/src/en).
// The button for a new practice has a plain "+", not Decap's fullwidth "＋" (U+FF0B), which
// many computers' fonts lack: it showed as an empty box.
"use strict";

window.DECAP_LOCALE_FI = {
  "auth": {
    "login": "Kirjaudu",
    "loggingIn": "Kirjaudutaan...",
    "loginWithNetlifyIdentity": "Kirjaudu Netlify Identityllä",
    "loginWithAzure": "Kirjaudu Azurella",
    "loginWithBitbucket": "Kirjaudu Bitbucketilla",
    "loginWithGitHub": "Kirjaudu GitHubilla",
    "loginWithGitLab": "Kirjaudu GitLabilla",
    "loginWithGitea": "Kirjaudu Gitealla",
    "loginWithForgejo": "Kirjaudu Forgejolla",
    "errors": {
      "email": "Kirjoita sähköpostiosoitteesi.",
      "password": "Kirjoita salasanasi.",
      "identitySettings": "Tunnistautumisen asetuksia ei saatu. Git Gateway -taustapalvelu tarvitsee Identity- ja Git Gateway -palvelut."
    }
  },
  "app": {
    "header": {
      "content": "Sisältö",
      "workflow": "Työnkulku",
      "media": "Kuvat",
      "quickAdd": "Lisää uusi"
    },
    "app": {
      "errorHeader": "Muokkaimen asetuksia ei voitu ladata",
      "configErrors": "Virheet asetuksissa",
      "checkConfigYml": "Tarkista tiedosto config.yml.",
      "loadingConfig": "Ladataan asetuksia...",
      "waitingBackend": "Odotetaan palvelinta..."
    },
    "notFoundPage": {
      "header": "Sivua ei löytynyt"
    }
  },
  "collection": {
    "sidebar": {
      "collections": "Kokoelmat",
      "allCollections": "Kaikki kokoelmat",
      "searchAll": "Hae kaikista",
      "searchIn": "Hae kokoelmasta"
    },
    "collectionTop": {
      "sortBy": "Järjestä",
      "viewAs": "Näytä",
      "viewAsList": "Luettelona",
      "viewAsGrid": "Ruudukkona",
      "newButton": "+ %{collectionLabel}",
      "newButtonAriaLabel": "Uusi: %{collectionLabel}",
      "ascending": "Nouseva",
      "descending": "Laskeva",
      "searchResults": "Hakutulokset: ”%{searchTerm}”",
      "searchResultsInCollection": "Hakutulokset: ”%{searchTerm}” kokoelmassa %{collection}",
      "filterBy": "Rajaa",
      "groupBy": "Ryhmittele"
    },
    "entries": {
      "loadingEntries": "Ladataan...",
      "cachingEntries": "Ladataan välimuistiin...",
      "longerLoading": "Tämä voi kestää useita minuutteja",
      "noEntries": "Ei sisältöä",
      "unpublishedHeader": "Julkaisemattomat"
    },
    "groups": {
      "other": "Muut",
      "negateLabel": "Ei %{label}"
    },
    "defaultFields": {
      "author": {
        "label": "Tekijä"
      },
      "updatedOn": {
        "label": "Päivitetty"
      }
    }
  },
  "editor": {
    "editorControl": {
      "field": {
        "optional": "vapaaehtoinen",
        "widgetLabel": "%{widgetLabel}-kenttä"
      }
    },
    "editorControlPane": {
      "widget": {
        "required": "%{fieldLabel} on pakollinen.",
        "regexPattern": "%{fieldLabel} ei ole oikeassa muodossa: %{pattern}.",
        "processing": "%{fieldLabel} on vielä kesken.",
        "range": "%{fieldLabel}: arvon on oltava %{minValue}–%{maxValue}.",
        "min": "%{fieldLabel}: arvon on oltava vähintään %{minValue}.",
        "max": "%{fieldLabel}: arvon on oltava enintään %{maxValue}.",
        "rangeCount": "%{fieldLabel}: valitse %{minCount}–%{maxCount}.",
        "rangeCountExact": "%{fieldLabel}: valitse tasan %{count}.",
        "rangeMin": "%{fieldLabel}: valitse vähintään %{minCount}.",
        "rangeMax": "%{fieldLabel}: valitse enintään %{maxCount}.",
        "invalidPath": "'%{path}' ei ole kelvollinen polku",
        "pathExists": "Polku '%{path}' on jo olemassa"
      },
      "i18n": {
        "writingInLocale": "Kieli: %{locale}",
        "copyFromLocale": "Täytä toisesta kielestä",
        "copyFromLocaleConfirm": "Täytetäänkö kentät kielestä %{locale}?\nKaikki nykyinen sisältö korvataan."
      }
    },
    "editor": {
      "onLeavePage": "Haluatko varmasti poistua sivulta?",
      "onUpdatingWithUnsavedChanges": "Muutoksia ei ole tallennettu. Tallenna ennen kuin muutat tilaa.",
      "onPublishingNotReady": "Muuta tilaksi ”Valmis” ennen julkaisua.",
      "onPublishingWithUnsavedChanges": "Muutoksia ei ole tallennettu. Tallenna ennen julkaisua.",
      "onPublishing": "Julkaistaanko tämä käytäntö?",
      "onUnpublishing": "Poistetaanko tämän käytännön julkaisu?",
      "onDeleteWithUnsavedChanges": "Poistetaanko tämä julkaistu käytäntö ja tallentamattomat muutoksesi?",
      "onDeletePublishedEntry": "Poistetaanko tämä julkaistu käytäntö?",
      "onDeleteUnpublishedChangesWithUnsavedChanges": "Tämä poistaa kaikki julkaisemattomat ja tallentamattomat muutokset. Poistetaanko silti?",
      "onDeleteUnpublishedChanges": "Kaikki julkaisemattomat muutokset poistetaan. Poistetaanko silti?",
      "loadingEntry": "Ladataan...",
      "confirmLoadBackup": "Tästä käytännöstä löytyi tallentamaton luonnos tällä koneella. Otetaanko se käyttöön?"
    },
    "editorInterface": {
      "toggleI18n": "Näytä tai piilota toinen kieli",
      "togglePreview": "Näytä tai piilota esikatselu",
      "toggleScrollSync": "Vieritä yhdessä",
      "toggleNotes": "Näytä tai piilota muistiinpanot"
    },
    "editorNotesPane": {
      "title": "Muistiinpanot",
      "emptyState": "Ei vielä muistiinpanoja. Lisää ensimmäinen alla.",
      "addNote": "Lisää muistiinpano",
      "addPlaceholder": "Kirjoita muistiinpano...",
      "editPlaceholder": "Muokkaa muistiinpanoa...",
      "save": "Tallenna",
      "cancel": "Peruuta",
      "edit": "Muokkaa",
      "delete": "Poista",
      "resolve": "Merkitse ratkaistuksi",
      "unresolve": "Avaa uudelleen",
      "confirmDelete": "Poistetaanko muistiinpano?",
      "shortcut": "Vinkki: Ctrl+Enter lisää muistiinpanon"
    },
    "editorToolbar": {
      "publishing": "Julkaistaan...",
      "publish": "Julkaise",
      "published": "Julkaistu",
      "unpublish": "Poista julkaisu",
      "duplicate": "Monista",
      "unpublishing": "Poistetaan julkaisua...",
      "publishAndCreateNew": "Julkaise ja aloita uusi",
      "publishAndDuplicate": "Julkaise ja monista",
      "deleteUnpublishedChanges": "Poista julkaisemattomat muutokset",
      "deleteUnpublishedEntry": "Poista julkaisematon käytäntö",
      "deletePublishedEntry": "Poista julkaistu käytäntö",
      "deleteEntry": "Poista",
      "saving": "Tallennetaan...",
      "save": "Tallenna",
      "statusInfoTooltipDraft": "Tila on luonnos. Kun käytäntö on valmis tarkistettavaksi, muuta tilaksi ”Tarkistettavana”.",
      "statusInfoTooltipInReview": "Käytäntö on tarkistettavana. Voit yhä tehdä muutoksia.",
      "deleting": "Poistetaan...",
      "updating": "Päivitetään...",
      "status": "Tila: %{status}",
      "backCollection": " Kokoelma: %{collectionLabel}",
      "unsavedChanges": "Tallentamattomia muutoksia",
      "changesSaved": "Muutokset tallennettu",
      "draft": "Luonnos",
      "inReview": "Tarkistettavana",
      "ready": "Valmis",
      "publishNow": "Julkaise nyt",
      "deployPreviewPendingButtonLabel": "Tarkista esikatselu",
      "deployPreviewButtonLabel": "Esikatsele",
      "deployButtonLabel": "Näytä sivustolla"
    },
    "editorWidgets": {
      "markdown": {
        "bold": "Lihavointi",
        "italic": "Kursiivi",
        "strikethrough": "Yliviivaus",
        "code": "Koodi",
        "link": "Linkki",
        "linkPrompt": "Kirjoita linkin osoite",
        "headings": "Otsikot",
        "quote": "Lainaus",
        "bulletedList": "Luettelo",
        "numberedList": "Numeroitu luettelo",
        "addComponent": "Lisää osa",
        "richText": "Muotoiltu teksti",
        "markdown": "Markdown",
        "toggleMode": {
          "rich": "Vaihda muotoiltuun tekstiin",
          "markdown": "Vaihda Markdowniin"
        }
      },
      "image": {
        "choose": "Valitse kuva",
        "chooseMultiple": "Valitse kuvat",
        "chooseUrl": "Lisää osoitteesta",
        "replaceUrl": "Korvaa osoitteella",
        "promptUrl": "Kirjoita kuvan osoite",
        "chooseDifferent": "Valitse toinen kuva",
        "addMore": "Lisää kuvia",
        "remove": "Poista kuva",
        "removeAll": "Poista kaikki kuvat"
      },
      "file": {
        "choose": "Valitse tiedosto",
        "chooseUrl": "Lisää osoitteesta",
        "chooseMultiple": "Valitse tiedostot",
        "replaceUrl": "Korvaa osoitteella",
        "promptUrl": "Kirjoita tiedoston osoite",
        "chooseDifferent": "Valitse toinen tiedosto",
        "addMore": "Lisää tiedostoja",
        "remove": "Poista tiedosto",
        "removeAll": "Poista kaikki tiedostot"
      },
      "unknownControl": {
        "noControl": "Kentälle '%{widget}' ei ole muokkainta."
      },
      "unknownPreview": {
        "noPreview": "Kentälle '%{widget}' ei ole esikatselua."
      },
      "headingOptions": {
        "headingOne": "Otsikko 1",
        "headingTwo": "Otsikko 2",
        "headingThree": "Otsikko 3",
        "headingFour": "Otsikko 4",
        "headingFive": "Otsikko 5",
        "headingSix": "Otsikko 6"
      },
      "datetime": {
        "now": "Nyt",
        "clear": "Tyhjennä",
        "setToNow": "Aseta %{fieldLabel} tähän hetkeen"
      },
      "list": {
        "add": "Lisää: %{item}",
        "addType": "Lisää: %{item}"
      },
      "object": {
        "expand": "Avaa",
        "collapse": "Sulje"
      }
    }
  },
  "mediaLibrary": {
    "mediaLibraryCard": {
      "draft": "Luonnos",
      "copy": "Kopioi",
      "copyUrl": "Kopioi osoite",
      "copyPath": "Kopioi polku",
      "copyName": "Kopioi nimi",
      "copied": "Kopioitu"
    },
    "mediaLibrary": {
      "onDelete": "Poistetaanko valitut tiedostot?",
      "fileTooLarge": "Tiedosto on liian suuri.\nSuurin sallittu koko on %{size} kt."
    },
    "mediaLibraryModal": {
      "loading": "Ladataan...",
      "close": "Sulje",
      "noResults": "Ei tuloksia.",
      "noAssetsFound": "Tiedostoja ei löytynyt.",
      "noImagesFound": "Kuvia ei löytynyt.",
      "private": "Yksityinen ",
      "images": "Kuvat",
      "mediaAssets": "Tiedostot",
      "search": "Hae...",
      "uploading": "Ladataan palvelimelle...",
      "upload": "Lataa palvelimelle",
      "download": "Lataa omalle koneelle",
      "deleting": "Poistetaan...",
      "deleteSelected": "Poista valitut",
      "chooseSelected": "Valitse"
    }
  },
  "ui": {
    "default": {
      "goBackToSite": "Takaisin sivustolle"
    },
    "errorBoundary": {
      "title": "Virhe",
      "details": "Tapahtui virhe. ",
      "reportIt": "Ilmoita siitä GitHubissa.",
      "detailsHeading": "Tiedot",
      "privacyWarning": "Ilmoitukseen tulee virheilmoitus ja tekniset tiedot.\nTarkista tiedot ja poista niistä arkaluonteinen sisältö.",
      "recoveredEntry": {
        "heading": "Palautettu sisältö",
        "warning": "Kopioi tämä talteen ennen kuin poistut sivulta!",
        "copyButtonLabel": "Kopioi leikepöydälle"
      }
    },
    "settingsDropdown": {
      "logOut": "Kirjaudu ulos",
      "account": "Tilin valinnat"
    },
    "toast": {
      "onFailToLoadEntries": "Lataaminen epäonnistui: %{details}",
      "onFailToLoadDeployPreview": "Esikatselun lataaminen epäonnistui: %{details}",
      "onFailToPersist": "Tallennus epäonnistui: %{details}",
      "onFailToDelete": "Poistaminen epäonnistui: %{details}",
      "onFailToUpdateStatus": "Tilan muuttaminen epäonnistui: %{details}",
      "missingRequiredField": "Pakollinen kenttä puuttuu. Täytä se ennen tallennusta.",
      "entrySaved": "Tallennettu",
      "entryPublished": "Julkaistu",
      "entryUnpublished": "Julkaisu poistettu",
      "onFailToPublishEntry": "Julkaisu epäonnistui: %{details}",
      "onFailToUnpublishEntry": "Julkaisun poistaminen epäonnistui: %{details}",
      "entryUpdated": "Tila päivitetty",
      "onDeleteUnpublishedChanges": "Julkaisemattomat muutokset poistettu",
      "noteAdded": "Muistiinpano lisätty",
      "onFailToAddNote": "Muistiinpanon lisääminen epäonnistui: %{details}",
      "noteUpdated": "Muistiinpano päivitetty",
      "onFailToUpdateNote": "Muistiinpanon päivittäminen epäonnistui: %{details}",
      "noteDeleted": "Muistiinpano poistettu",
      "onFailToDeleteNote": "Muistiinpanon poistaminen epäonnistui: %{details}",
      "noteResolved": "Muistiinpano ratkaistu",
      "noteReopened": "Muistiinpano avattu uudelleen",
      "onFailToToggleNote": "Muistiinpanon tilan muuttaminen epäonnistui: %{details}",
      "onFailToAuth": "%{details}",
      "onLoggedOut": "Sinut on kirjattu ulos. Ota sisältö talteen ja kirjaudu uudelleen.",
      "onBackendDown": "Palvelussa on häiriö. Lisätietoja: %{details}"
    }
  },
  "workflow": {
    "workflow": {
      "loading": "Ladataan työnkulkua",
      "workflowHeading": "Työnkulku",
      "newPost": "Uusi käytäntö",
      "description": "%{smart_count} odottaa tarkistusta, %{readyCount} valmiina julkaistavaksi. |||| %{smart_count} odottaa tarkistusta, %{readyCount} valmiina julkaistavaksi. ",
      "dateFormat": "D.M."
    },
    "workflowCard": {
      "lastChange": "%{date}, %{author}",
      "lastChangeNoAuthor": "%{date}",
      "lastChangeNoDate": "%{author}",
      "deleteChanges": "Poista muutokset",
      "deleteNewEntry": "Poista uusi käytäntö",
      "publishChanges": "Julkaise muutokset",
      "publishNewEntry": "Julkaise uusi käytäntö"
    },
    "workflowList": {
      "onDeleteEntry": "Poistetaanko tämä?",
      "onPublishingNotReadyEntry": "Vain tilassa ”Valmis” olevat voidaan julkaista. Vedä kortti Valmis-sarakkeeseen.",
      "onPublishEntry": "Julkaistaanko tämä?",
      "draftHeader": "Luonnokset",
      "inReviewHeader": "Tarkistettavana",
      "readyHeader": "Valmiit",
      "currentEntries": "%{smart_count} käytäntö |||| %{smart_count} käytäntöä"
    }
  }
};
