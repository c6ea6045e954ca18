#include "TubeLabelPrinter.h"

#include "BarcodeEncoder.h"
#include "Store.h"

#include <QDir>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

TubeLabelPrinter::TubeLabelPrinter(Store& store)
    : m_store(store)
{}

QString TubeLabelPrinter::prefix()
{
    // Short enough for a Code 128 that a 50 mm label prints at a readable module size.
    return m_store.setting(u"labels.prefix"_s, u"S"_s + m_store.siteFiness().left(2));
}

bool TubeLabelPrinter::newLabels(int count, QStringList* labels, QString* error,
                                 const QDate& printedOn)
{
    qint64 first = 0;
    if (count < 1 || !m_store.takeLabelNumbers(count, &first, error))
        return false;
    const QString year = QString::number(printedOn.year());
    labels->clear();
    for (qint64 number = first; number < first + count; ++number)
        labels->append(u"%1-%2-%3"_s.arg(prefix(), year).arg(number, 6, 10, QLatin1Char('0')));
    return true;
}

namespace {

// Bars scaled by a whole number of device pixels per module stay sharp enough to read;
// a fractional scale smears them.
QRectF wholeModules(const QRectF& area, const QImage& code, int moduleSize)
{
    const int modules = code.width() / moduleSize;
    const qreal perModule = std::floor(area.width() / modules);
    if (perModule < 1)
        return area;
    const qreal width = perModule * modules;
    const qreal height = code.height() == code.width() ? width : area.height();
    return QRectF(area.left(), area.top(), width, std::min(height, area.height()));
}

} // namespace

void TubeLabelPrinter::paint(QPainter& painter, const QRectF& area, const QString& label,
                             const QString& site, const QDate& date)
{
    constexpr int ModuleSize = 4;
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const qreal margin = area.height() * 0.05;
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);
    const QImage bars =
        BarcodeEncoder::encode(label, BarcodeEncoder::Symbology::Code128, ModuleSize);
    const QImage matrix =
        BarcodeEncoder::encode(label, BarcodeEncoder::Symbology::DataMatrix, ModuleSize);

    // Code 128 across the whole width (analysers read it), the text and the DataMatrix
    // under it.
    const QRectF barsArea(inner.left(), inner.top(), inner.width(), inner.height() * 0.55);
    painter.drawImage(wholeModules(barsArea, bars, ModuleSize), bars);
    const qreal lower = inner.height() - barsArea.height();
    const QRectF matrixArea(inner.right() - lower, barsArea.bottom(), lower, lower);
    painter.drawImage(wholeModules(matrixArea, matrix, ModuleSize), matrix);

    const QRectF textArea(inner.left(), barsArea.bottom(), inner.width() - lower - margin, lower);
    QFont font = painter.font();
    font.setBold(true);
    // As large as the line allows: the label must be readable by a person too.
    int pixels = qMax(6, int(lower * 0.38));
    font.setPixelSize(pixels);
    while (pixels > 6 && QFontMetricsF(font).horizontalAdvance(label) > textArea.width()) {
        font.setPixelSize(--pixels);
    }
    painter.setFont(font);
    painter.drawText(textArea, Qt::AlignLeft | Qt::AlignTop, label);
    font.setBold(false);
    font.setPixelSize(qMax(5, int(lower * 0.3)));
    painter.setFont(font);
    painter.drawText(textArea, Qt::AlignLeft | Qt::AlignBottom,
                     siteAndDateLine(QFontMetricsF(font), textArea.width(), site, date));
    painter.restore();
}

QString TubeLabelPrinter::siteAndDateLine(const QFontMetricsF& metrics, qreal width,
                                          const QString& site, const QDate& date)
{
    const QString day = date.toString(u"dd/MM/yyyy"_s);
    const QString separator = u"  "_s;
    const qreal room = width - metrics.horizontalAdvance(separator + day);
    const QString shortSite = metrics.elidedText(site, Qt::ElideRight, std::max<qreal>(room, 0));
    if (shortSite.isEmpty())
        return day;
    return shortSite + separator + day;
}

bool TubeLabelPrinter::print(QPrinter* printer, const QStringList& labels, QString* error)
{
    printer->setPageSize(QPageSize(QSizeF(50, 25), QPageSize::Millimeter, u"Tube label"_s));
    printer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(printer)) {
        *error = tr("the printer cannot be used");
        return false;
    }
    const QString site = m_store.setting(u"site.name"_s, m_store.siteFiness());
    const QRectF page = printer->pageLayout().paintRectPixels(printer->resolution());
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            printer->newPage();
        paint(painter, QRectF(QPointF(0, 0), page.size()), labels.at(i), site,
              QDate::currentDate());
    }
    painter.end();
    return true;
}

bool TubeLabelPrinter::printWithSettings(QWidget* parent, const QStringList& labels, QString* error)
{
    if (labels.isEmpty())
        return true;
    QPrinter printer(QPrinter::HighResolution);
    const QString pdfFolder = QSettings().value(u"labels/pdfFolder"_s).toString();
    if (!pdfFolder.isEmpty()) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(QDir(pdfFolder).filePath(
            labels.size() == 1 ? u"label-%1.pdf"_s.arg(labels.first())
                               : u"labels-%1-%2.pdf"_s.arg(labels.first(), labels.last())));
    } else {
        QPrintDialog dialog(&printer, parent);
        if (dialog.exec() != QDialog::Accepted) {
            error->clear();
            return false;
        }
    }
    return print(&printer, labels, error);
}
