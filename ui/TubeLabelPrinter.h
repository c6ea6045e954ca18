#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QRectF>
#include <QStringList>

class QFontMetricsF;
class QPainter;
class QPrinter;
class QWidget;
class Store;

// Tube labels printed at the sampling station: the label as Code 128 (what the lab's
// analysers read) with a DataMatrix beside it, the site and the date, one label a page
// (label printers feed one label a page). New labels follow the site's pattern:
// PREFIX-YEAR-NNNNNN, numbered by the store so that two stations never print the same.
class TubeLabelPrinter
{
    Q_DECLARE_TR_FUNCTIONS(TubeLabelPrinter)

public:
    explicit TubeLabelPrinter(Store& store);

    // Reserves and returns `count` new labels, with the year of `printedOn`.
    [[nodiscard]] bool newLabels(int count, QStringList* labels, QString* error,
                                 const QDate& printedOn = QDate::currentDate());
    // The prefix of new labels: the setting labels.prefix, else "S" and the site's
    // department (the first two characters of its FINESS).
    QString prefix();

    // One label drawn into `area` (a 50 x 25 mm label, or any rectangle of that shape).
    static void paint(QPainter& painter, const QRectF& area, const QString& label,
                      const QString& site, const QDate& date);
    // The label's bottom line for a text `width` wide: the date always in full (the lab
    // checks it against the sampling day), the site name shortened with an ellipsis when
    // both do not fit.
    static QString siteAndDateLine(const QFontMetricsF& metrics, qreal width, const QString& site,
                                   const QDate& date);
    // Prints the labels through `printer` (system printer or PDF), one a page.
    [[nodiscard]] bool print(QPrinter* printer, const QStringList& labels, QString* error);
    // Prints through the system printer, after its dialog, or, when the setting
    // labels/pdfFolder names a folder (sites without a label printer, and the tests), into a
    // PDF file there ("label-FIRST.pdf", "labels-FIRST-LAST.pdf"). False with an empty error
    // when the person cancelled the dialog.
    [[nodiscard]] bool printWithSettings(QWidget* parent, const QStringList& labels,
                                         QString* error);

private:
    Store& m_store;
};
