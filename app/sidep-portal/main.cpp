#include "ApplicationIcon.h"
#include "Bootstrap.h"
#include "MainWindow.h"
#include "SidepVersion.h"
#include "Store.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    Bootstrap::hardenProcess();
    // --help and --version only print: they need no display (an administrator over SSH).
    const bool printsOnly = std::any_of(argv + 1, argv + argc, [](const char* word) {
        for (const char* option : {"--help", "-h", "-?", "--help-all", "--version", "-v"}) {
            if (std::strcmp(word, option) == 0)
                return true;
        }
        return false;
    });
    if (printsOnly && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"sidep"_s);
    QApplication::setApplicationName(u"sidep-portal"_s);
    QApplication::setApplicationVersion(QStringLiteral(SIDEP_VERSION_TEXT));
    // The desktop entry's name: Wayland compositors find the icon through it.
    QGuiApplication::setDesktopFileName(u"fr.gouv.sidep.portal"_s);
    // Every window, parented or not, shows the application's icon.
    QApplication::setWindowIcon(ApplicationIcon::icon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"SI-DEP sampling portal"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        u"db"_s, u"The store: a file, or a site database (postgresql://user@host/name)."_s,
        u"STORE"_s);
    const QCommandLineOption languageOption(u"language"_s, u"fr (default) or en."_s, u"LANG"_s);
    parser.addOption(dbOption);
    parser.addOption(languageOption);
    parser.process(app);

    // A workstation speaks French unless told otherwise (setting or --language en).
    QSettings settings;
    const QString language = parser.isSet(languageOption)
                                 ? parser.value(languageOption)
                                 : settings.value(u"language"_s, u"fr"_s).toString();
    // Its own strings, Qt's (wizard, file, print, message boxes) and its dates.
    UiLanguage::apply(language);

    Store store;
    MainWindow window(store,
                      parser.isSet(dbOption) ? parser.value(dbOption) : Store::defaultPath());
    window.show();
    window.start();
    return QApplication::exec();
}
