#pragma once

#include "ResultStore.h"

#include <QCoreApplication>
#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

// The printed result slip handed to the patient: site, tube label, sampling time, the
// result in words, the ministry's advice and, for a positive, the activation QR code with
// the code in clear under it. One paint() draws the page, so a PDF (writePdf), an image
// (toImage) and the GUI's QPrinter all get the same slip. QtGui only: no widgets.
class ResultSlip
{
    Q_DECLARE_TR_FUNCTIONS(ResultSlip)

public:
    // The patient's language, which need not be the workstation's.
    enum class Language
    {
        French,
        English,
    };
    static std::optional<Language> languageFromName(const QString& name); // "fr", "en"

    explicit ResultSlip(const ResultStore::SlipContent& content,
                        Language language = Language::French);

    // Draws the slip in `page` (the printable area, in the painter's coordinates).
    void paint(QPainter& painter, const QRectF& page) const;
    // An A4 PDF, written atomically.
    [[nodiscard]] bool writePdf(const QString& path, QString* error) const;
    // The same A4 page as an image (white background), margins included.
    QImage toImage(int dotsPerInch = 150) const;

    // "Positive", "Négatif"... in the slip's language.
    QString valueInWords() const;

    // A date and time as the slip prints it: the site's local time (the workstation's), with
    // its zone, whatever offset the ISO text carries (a result validated "now" is in UTC).
    QString formatDateTime(const QString& iso) const;

private:
    QString text(const char* source) const;

    ResultStore::SlipContent m_content;
    Language m_language;
};
