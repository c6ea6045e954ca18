#include "UiLanguage.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

QString s_current = u"fr"_s;
bool s_qtCatalogue = false;

// Translators the application owns; replaced when the language changes.
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

bool UiLanguage::apply(const QString& language)
{
    for (const QPointer<QTranslator>& translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();
    const QString code = language == u"en"_s ? u"en"_s : u"fr"_s;
    s_current = code;
    // Dates as the language writes them (21/10/1995 in both: an English-speaking nurse in
    // France reads British dates).
    QLocale::setDefault(code == u"fr"_s ? QLocale(QLocale::French, QLocale::France)
                                        : QLocale(QLocale::English, QLocale::UnitedKingdom));

    auto* own = new QTranslator(QCoreApplication::instance());
    const bool ownLoaded = own->load(u"sidep_"_s + code, u":/i18n"_s);
    if (ownLoaded) {
        QCoreApplication::installTranslator(own);
        installed().append(own);
    } else {
        delete own;
    }
    // Qt's own strings: qtbase (buttons, wizard, file and print dialogs) and qtmultimedia.
    s_qtCatalogue = false;
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString& catalogue : {u"qtbase"_s, u"qtmultimedia"_s}) {
        auto* qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(QLocale(code), catalogue, u"_"_s, folder)) {
            QCoreApplication::installTranslator(qt);
            installed().append(qt);
            s_qtCatalogue = s_qtCatalogue || catalogue == u"qtbase"_s;
        } else {
            delete qt;
        }
    }
    return ownLoaded;
}

QString UiLanguage::current()
{
    return s_current;
}

bool UiLanguage::hasQtCatalogue()
{
    return s_qtCatalogue;
}

QString UiLanguage::roleName(Role role)
{
    switch (role) {
    case Role::Nurse:
        return tr("nurse");
    case Role::Lab:
        return tr("laboratory");
    case Role::Admin:
        return tr("administrator");
    }
    return {};
}
