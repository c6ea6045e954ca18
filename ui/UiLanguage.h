#pragma once

#include "Account.h"

#include <QCoreApplication>
#include <QString>

// The language of the workstation's screens: its own strings, Qt's (the wizard's, file,
// print and message-box buttons, from Debian's qt6-translations-l10n), and the way dates
// and numbers are written, all from the language chosen (Session > Language), never from
// the machine's locale. French unless told otherwise.
class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)

public:
    // Installs the translators of `language` ("fr" or "en") into the application and makes
    // it the default locale. False when the workstation's own catalogue is missing (the
    // screens then show the English source text); Qt's catalogue is optional.
    static bool apply(const QString& language);
    // The language applied last ("fr" before any).
    static QString current();
    // True when Qt's own strings were found for the current language.
    static bool hasQtCatalogue();

    // A role as people call it, in the screen's language.
    static QString roleName(Role role);
};
