#include "ResultSlip.h"

#include "QrCode.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal MarginMillimetres = 15;

// The French wording when no French catalogue is loaded: the slip is a patient's document,
// printed in French by default, and must never fall back to English because a catalogue
// is missing. A catalogue (translations/sidep_fr.ts, context ResultSlip) overrides it.
const QHash<QString, QString>& builtInFrench()
{
    static const QHash<QString, QString> table = {
        {u"COVID-19 test result"_s, u"Résultat de test COVID-19"_s},
        {u"Reprint"_s, u"Réimpression"_s},
        {u"Reason: %1"_s, u"Motif : %1"_s},
        {u"Corrected result (version %1)"_s, u"Résultat corrigé (version %1)"_s},
        {u"Sampling site"_s, u"Lieu de prélèvement"_s},
        {u"Tube label"_s, u"Numéro de prélèvement"_s},
        {u"Sampled on"_s, u"Prélevé le"_s},
        {u"Analysis"_s, u"Analyse"_s},
        {u"RT-PCR SARS-CoV-2"_s, u"RT-PCR SARS-CoV-2"_s},
        {u"SARS-CoV-2 rapid antigen test"_s, u"Test antigénique rapide SARS-CoV-2"_s},
        {u"Validated on"_s, u"Validé le"_s},
        {u"Result"_s, u"Résultat"_s},
        {u"Positive"_s, u"Positif"_s},
        {u"Negative"_s, u"Négatif"_s},
        {u"Inconclusive"_s, u"Ininterprétable"_s},
        {u"Non-conforming sample"_s, u"Prélèvement non conforme"_s},
        {u"Reason for non-conformity: %1"_s, u"Motif de non-conformité : %1"_s},
        {u"Scan this QR code with the TousAntiCovid application to declare your positive test "
         "anonymously, or type the code below."_s,
         u"Scannez ce QR code avec l'application TousAntiCovid pour déclarer anonymement votre "
         "test positif, ou saisissez le code ci-dessous."_s},
        {u"Activation code: %1"_s, u"Code d'activation : %1"_s},
        {u"Isolate yourself now. Tell the people you have been in close contact with to get "
         "tested. Keep applying the protective measures: wear a mask, wash your hands often, "
         "keep your distance, air rooms."_s,
         u"Isolez-vous dès maintenant. Prévenez les personnes avec qui vous avez été en contact "
         "rapproché pour qu'elles se fassent tester. Continuez d'appliquer les gestes "
         "barrières : portez un masque, lavez-vous souvent les mains, gardez vos distances, "
         "aérez les pièces."_s},
        {u"A negative result does not protect you from a later infection. Keep applying the "
         "protective measures: wear a mask, wash your hands often, keep your distance, air "
         "rooms."_s,
         u"Un résultat négatif ne vous protège pas d'une infection ultérieure. Continuez "
         "d'appliquer les gestes barrières : portez un masque, lavez-vous souvent les mains, "
         "gardez vos distances, aérez les pièces."_s},
        {u"This sample could not give a result: a new test is needed. Until then, keep "
         "applying the protective measures."_s,
         u"Ce prélèvement n'a pas permis de rendre un résultat : un nouveau test est "
         "nécessaire. D'ici là, continuez d'appliquer les gestes barrières."_s},
    };
    return table;
}

QTranslator* catalogue(ResultSlip::Language language)
{
    // Loaded once per language and used directly, never installed: the slip's language must
    // not change the rest of the application's.
    static QTranslator french;
    static QTranslator english;
    static const bool frenchLoaded = french.load(u"sidep_fr"_s, u":/i18n"_s);
    static const bool englishLoaded = english.load(u"sidep_en"_s, u":/i18n"_s);
    if (language == ResultSlip::Language::French)
        return frenchLoaded ? &french : nullptr;
    return englishLoaded ? &english : nullptr;
}

} // namespace

std::optional<ResultSlip::Language> ResultSlip::languageFromName(const QString& name)
{
    if (name == u"fr"_s)
        return Language::French;
    if (name == u"en"_s)
        return Language::English;
    return std::nullopt;
}

ResultSlip::ResultSlip(const ResultStore::SlipContent& content, Language language)
    : m_content(content)
    , m_language(language)
{}

QString ResultSlip::text(const char* source) const
{
    const QString english = QString::fromUtf8(source);
    if (QTranslator* translator = catalogue(m_language)) {
        const QString translated = translator->translate("ResultSlip", source);
        if (!translated.isEmpty())
            return translated;
    }
    if (m_language == Language::French)
        return builtInFrench().value(english, english);
    return english;
}

QString ResultSlip::formatDateTime(const QString& iso) const
{
    const QDateTime dateTime = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return iso;
    // The time as the site lives it (a result validated "now" is stored in UTC), with its
    // zone so that it is never ambiguous.
    return dateTime.toLocalTime().toString(
        m_language == Language::French ? u"dd/MM/yyyy HH:mm t"_s : u"yyyy-MM-dd HH:mm t"_s);
}

QString ResultSlip::valueInWords() const
{
    const QString& value = m_content.value;
    if (value == u"P"_s)
        return text(QT_TR_NOOP("Positive"));
    if (value == u"N"_s)
        return text(QT_TR_NOOP("Negative"));
    if (value == u"I"_s)
        return text(QT_TR_NOOP("Inconclusive"));
    if (value == u"X"_s)
        return text(QT_TR_NOOP("Non-conforming sample"));
    return value;
}

void ResultSlip::paint(QPainter& painter, const QRectF& page) const
{
    painter.save();
    const qreal unit = page.width() / 100; // sizes in hundredths of the page width
    QFont base(u"DejaVu Sans"_s);
    base.setPixelSize(qMax(1, qRound(unit * 2.6)));
    qreal y = page.top();

    auto paragraph = [&](const QString& content, const QFont& font, int flags = Qt::AlignLeft,
                         qreal after = 1.2) {
        painter.setFont(font);
        const QRectF box(page.left(), y, page.width(), page.bottom() - y);
        const QRectF used = painter.boundingRect(box, flags | Qt::TextWordWrap, content);
        painter.drawText(box, flags | Qt::TextWordWrap, content);
        y += used.height() + unit * after;
    };
    auto withSize = [&](qreal factor, bool bold) {
        QFont font = base;
        font.setPixelSize(qMax(1, qRound(base.pixelSize() * factor)));
        font.setBold(bold);
        return font;
    };
    painter.setPen(Qt::black);

    if (m_content.reprint) {
        paragraph(text(QT_TR_NOOP("Reprint")).toUpper() + u" — "_s +
                      text(QT_TR_NOOP("Reason: %1")).arg(m_content.reprintReason),
                  withSize(1.0, true), Qt::AlignRight);
    }
    paragraph(text(QT_TR_NOOP("COVID-19 test result")), withSize(1.8, true), Qt::AlignHCenter, 3);
    if (m_content.version > 1) {
        paragraph(text(QT_TR_NOOP("Corrected result (version %1)")).arg(m_content.version),
                  withSize(1.0, true), Qt::AlignHCenter);
    }

    const QString site = m_content.siteName.isEmpty()
                             ? u"FINESS %1"_s.arg(m_content.siteFiness)
                             : u"%1 (FINESS %2)"_s.arg(m_content.siteName, m_content.siteFiness);
    const QString analysis = m_content.analysis == ResultStore::RapidAntigenAnalysis
                                 ? text(QT_TR_NOOP("SARS-CoV-2 rapid antigen test"))
                                 : text(QT_TR_NOOP("RT-PCR SARS-CoV-2"));
    const QList<QPair<QString, QString>> facts = {
        {text(QT_TR_NOOP("Sampling site")), site},
        {text(QT_TR_NOOP("Tube label")), m_content.accession},
        {text(QT_TR_NOOP("Sampled on")), formatDateTime(m_content.collectedAt)},
        {text(QT_TR_NOOP("Analysis")), analysis + u" (LOINC "_s + m_content.analysis + u')'},
        {text(QT_TR_NOOP("Validated on")), formatDateTime(m_content.validatedAt)},
    };
    for (const auto& [label, value] : facts)
        paragraph(label + u" : "_s + value, base, Qt::AlignLeft, 0.6);
    y += unit * 2;

    paragraph(text(QT_TR_NOOP("Result")) + u" : "_s + valueInWords().toUpper(), withSize(1.6, true),
              Qt::AlignHCenter, 2);
    if (m_content.value == u"X"_s && !m_content.nonConformity.isEmpty()) {
        paragraph(text(QT_TR_NOOP("Reason for non-conformity: %1")).arg(m_content.nonConformity),
                  base);
    }

    if (m_content.value == u"P"_s && !m_content.activationLink.isEmpty()) {
        paragraph(text(QT_TR_NOOP("Scan this QR code with the TousAntiCovid application to "
                                  "declare your positive test anonymously, or type the code "
                                  "below.")),
                  base);
        const qreal side = page.width() * 0.42;
        const QrCode qr(m_content.activationLink);
        qr.paint(painter, QRectF(page.center().x() - side / 2, y, side, side));
        y += side + unit;
        QFont mono(u"DejaVu Sans Mono"_s);
        mono.setPixelSize(base.pixelSize());
        mono.setBold(true);
        paragraph(text(QT_TR_NOOP("Activation code: %1")).arg(m_content.activationCode), mono,
                  Qt::AlignHCenter, 3);
    }

    const char* advice = nullptr;
    if (m_content.value == u"P"_s) {
        advice = QT_TR_NOOP("Isolate yourself now. Tell the people you have been in close "
                            "contact with to get tested. Keep applying the protective measures: "
                            "wear a mask, wash your hands often, keep your distance, air rooms.");
    } else if (m_content.value == u"N"_s) {
        advice = QT_TR_NOOP("A negative result does not protect you from a later infection. "
                            "Keep applying the protective measures: wear a mask, wash your hands "
                            "often, keep your distance, air rooms.");
    } else {
        advice = QT_TR_NOOP("This sample could not give a result: a new test is needed. Until "
                            "then, keep applying the protective measures.");
    }
    paragraph(text(advice), base);
    painter.restore();
}

bool ResultSlip::writePdf(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(MarginMillimetres, MarginMillimetres, MarginMillimetres, MarginMillimetres),
            QPageLayout::Millimeter));
        writer.setCreator(u"sidep-portal"_s);
        writer.setTitle(text(QT_TR_NOOP("COVID-19 test result")));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            *error = tr("cannot write %1: the PDF could not be started").arg(path);
            return false;
        }
        const QRect paintRect = writer.pageLayout().paintRectPixels(writer.resolution());
        paint(painter, QRectF(QPointF(0, 0), QSizeF(paintRect.size())));
        painter.end();
    }
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QImage ResultSlip::toImage(int dotsPerInch) const
{
    const QPageLayout layout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(MarginMillimetres, MarginMillimetres, MarginMillimetres, MarginMillimetres),
        QPageLayout::Millimeter);
    const QRect full = layout.fullRectPixels(dotsPerInch);
    QImage image(full.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    image.setDotsPerMeterX(qRound(dotsPerInch / 0.0254));
    image.setDotsPerMeterY(qRound(dotsPerInch / 0.0254));
    QPainter painter(&image);
    paint(painter, QRectF(layout.paintRectPixels(dotsPerInch)));
    painter.end();
    return image;
}
