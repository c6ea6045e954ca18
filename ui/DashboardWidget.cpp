#include "DashboardWidget.h"

#include "Feedback.h"
#include "MessageBox.h"
#include "Store.h"
#include "ui_DashboardWidget.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLocale>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QValueAxis>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The colours of result values, the same on every chart.
const QColor PositiveColour(0xc6, 0x28, 0x28);
const QColor NegativeColour(0x2e, 0x7d, 0x32);
const QColor OtherColour(0x8d, 0x6e, 0x63);
const QColor AwaitingColour(0x90, 0xa4, 0xae);
const QColor SamplesColour(0x1e, 0x5a, 0xa8);

QChart* newChart(QChartView* view, const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // setChart() releases the view's own default chart instead of deleting it.
    std::unique_ptr<QChart> replaced(view->chart());
    view->setChart(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return chart;
}

void emptyChart(QChart* chart)
{
    chart->removeAllSeries();
    // removeAxis() hands the axis back to us.
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A tile: a big number and what it counts.
QString tile(const QString& figure, const QString& what)
{
    return u"<div style='font-size:18pt; font-weight:600'>%1</div><div>%2</div>"_s.arg(
        figure.toHtmlEscaped(), what.toHtmlEscaped());
}

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

} // namespace

DashboardWidget::DashboardWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DashboardWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    for (QLabel* label : {m_ui->samplesTodayLabel, m_ui->awaitingLabel, m_ui->positivityLabel,
                          m_ui->backlogLabel, m_ui->codesLabel}) {
        label->setTextFormat(Qt::RichText);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMinimumWidth(120);
        label->setContentsMargins(6, 4, 6, 4);
    }
    m_ui->messageLabel->hide();
    m_hoursChart = newChart(m_ui->hoursChartView, tr("Samples per hour today"));
    m_resultsChart = newChart(m_ui->resultsChartView, tr("Results of today's samples"));
    m_positivityChart =
        newChart(m_ui->positivityChartView, tr("Positivity over the last 14 days (%)"));

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(200);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DashboardWidget::refresh);
    m_minuteTimer.setInterval(60 * 1000);
    connect(&m_minuteTimer, &QTimer::timeout, this, &DashboardWidget::refresh);
    connect(m_ui->printButton, &QPushButton::clicked, this, &DashboardWidget::print);
    connect(m_ui->exportImageButton, &QPushButton::clicked, this, &DashboardWidget::exportImage);
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, &DashboardWidget::exportCsv);
    clear();
}

DashboardWidget::~DashboardWidget() = default;

void DashboardWidget::scheduleRefresh()
{
    if (m_store.isSignedIn())
        m_refreshTimer.start();
}

void DashboardWidget::clear()
{
    m_refreshTimer.stop();
    m_minuteTimer.stop();
    m_snapshot = SiteStatistics::Snapshot{};
    m_backlog = SyncBacklog{};
    m_hasData = false;
    for (QChart* chart : {m_hoursChart, m_resultsChart, m_positivityChart})
        emptyChart(chart);
    for (QLabel* label : {m_ui->samplesTodayLabel, m_ui->awaitingLabel, m_ui->positivityLabel,
                          m_ui->backlogLabel, m_ui->codesLabel})
        label->clear();
    for (QPushButton* button : {m_ui->printButton, m_ui->exportImageButton, m_ui->exportCsvButton})
        button->setEnabled(false);
}

void DashboardWidget::refresh()
{
    m_refreshTimer.stop();
    if (!m_store.isSignedIn()) {
        clear();
        return;
    }
    QString error;
    SiteStatistics::Snapshot snapshot;
    if (!SiteStatistics(m_store).snapshot(m_today(), &snapshot, &error)) {
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Error,
                              tr("The figures cannot be read: %1").arg(error));
        return;
    }
    Feedback::clearMessage(m_ui->messageLabel);
    m_snapshot = snapshot;
    m_backlog = SyncBacklog::read(m_store);
    m_hasData = true;
    m_ui->titleLabel->setText(
        tr("The site on %1").arg(QLocale().toString(m_snapshot.today, QLocale::LongFormat)));
    showTiles();
    showCharts();
    for (QPushButton* button : {m_ui->printButton, m_ui->exportImageButton, m_ui->exportCsvButton})
        button->setEnabled(true);
    if (!m_minuteTimer.isActive())
        m_minuteTimer.start();
}

void DashboardWidget::showTiles()
{
    const QLocale locale;
    m_ui->samplesTodayLabel->setText(
        tile(locale.toString(m_snapshot.samplesToday), tr("samples today")));
    m_ui->awaitingLabel->setText(
        tile(locale.toString(m_snapshot.awaitingResultToday), tr("awaiting a result")));
    SiteStatistics::Results fortnight;
    for (const SiteStatistics::Results& day : m_snapshot.lastDays) {
        fortnight.positive += day.positive;
        fortnight.negative += day.negative;
    }
    const double positivity = fortnight.positivityPercent();
    m_ui->positivityLabel->setText(
        tile(positivity < 0 ? tr("none") : locale.toString(positivity, 'f', 1) + u" %"_s,
             tr("positive over 14 days")));
    const QString oldest =
        m_backlog.oldest.isValid()
            ? tr("oldest %1")
                  .arg(locale.toString(m_backlog.oldest.toLocalTime(), QLocale::ShortFormat))
            : tr("nothing waits");
    m_ui->backlogLabel->setText(
        tile(locale.toString(m_backlog.waiting), tr("to send, %1").arg(oldest)));
    m_ui->codesLabel->setText(tile(
        locale.toString(m_snapshot.codesLeft),
        tr("activation codes left (%n end within 7 days)", nullptr, m_snapshot.codesExpiringSoon)));
    m_ui->codesLabel->setStyleSheet(
        m_snapshot.codesLeft < 20 ? Feedback::styleSheet(Feedback::Tone::Warning) : QString());
    m_ui->backlogLabel->setStyleSheet(
        m_backlog.rejected > 0 ? Feedback::styleSheet(Feedback::Tone::Error) : QString());
}

void DashboardWidget::showCharts()
{
    for (QChart* chart : {m_hoursChart, m_resultsChart, m_positivityChart})
        emptyChart(chart);

    // Samples per hour: the opening hours, widened to any hour that had samples.
    int first = 7;
    int last = 19;
    for (int hour = 0; hour < 24; ++hour) {
        if (m_snapshot.samplesPerHour.value(hour) > 0) {
            first = std::min(first, hour);
            last = std::max(last, hour);
        }
    }
    auto* samples = new QBarSet(tr("Samples"));
    samples->setColor(SamplesColour);
    QStringList hours;
    int most = 1;
    for (int hour = first; hour <= last; ++hour) {
        const int count = m_snapshot.samplesPerHour.value(hour);
        *samples << count;
        most = std::max(most, count);
        hours.append(u"%1h"_s.arg(hour));
    }
    auto* hourSeries = new QBarSeries;
    hourSeries->append(samples);
    m_hoursChart->addSeries(hourSeries);
    auto* hourAxis = new QBarCategoryAxis;
    hourAxis->append(hours);
    auto* countAxis = new QValueAxis;
    countAxis->setRange(0, most);
    countAxis->setLabelFormat(u"%d"_s);
    m_hoursChart->addAxis(hourAxis, Qt::AlignBottom);
    m_hoursChart->addAxis(countAxis, Qt::AlignLeft);
    hourSeries->attachAxis(hourAxis);
    hourSeries->attachAxis(countAxis);

    // Today's samples by result.
    auto* results = new QPieSeries;
    const SiteStatistics::Results& today = m_snapshot.resultsToday;
    const std::pair<QString, std::pair<int, QColor>> parts[] = {
        {tr("Positive"), {today.positive, PositiveColour}},
        {tr("Negative"), {today.negative, NegativeColour}},
        {tr("Other"), {today.uninterpretable + today.nonCompliant, OtherColour}},
        {tr("Awaiting"), {m_snapshot.awaitingResultToday, AwaitingColour}},
    };
    for (const auto& [label, value] : parts) {
        if (value.first == 0)
            continue;
        QPieSlice* slice =
            results->append(tr("%1: %2").arg(label, QLocale().toString(value.first)), value.first);
        slice->setColor(value.second);
        slice->setLabelVisible(true);
    }
    m_resultsChart->addSeries(results);
    m_resultsChart->legend()->setVisible(false);

    // Positivity by sampling day.
    auto* positivity = new QBarSet(tr("Positive (%)"));
    positivity->setColor(PositiveColour);
    QStringList days;
    for (auto it = m_snapshot.lastDays.cbegin(); it != m_snapshot.lastDays.cend(); ++it) {
        const double percent = it->positivityPercent();
        *positivity << (percent < 0 ? 0.0 : percent);
        days.append(it.key().toString(u"dd/MM"_s));
    }
    auto* positivitySeries = new QBarSeries;
    positivitySeries->append(positivity);
    m_positivityChart->addSeries(positivitySeries);
    auto* dayAxis = new QBarCategoryAxis;
    dayAxis->append(days);
    auto* percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setLabelFormat(u"%d"_s);
    m_positivityChart->addAxis(dayAxis, Qt::AlignBottom);
    m_positivityChart->addAxis(percentAxis, Qt::AlignLeft);
    positivitySeries->attachAxis(dayAxis);
    positivitySeries->attachAxis(percentAxis);
}

QString DashboardWidget::csv() const
{
    QStringList lines{u"section,key,value"_s};
    auto line = [&lines](const QString& section, const QString& key, const QString& value) {
        lines.append(csvField(section) + u',' + csvField(key) + u',' + csvField(value));
    };
    if (!m_hasData)
        return lines.join(u'\n') + u'\n';
    const QString day = m_snapshot.today.toString(Qt::ISODate);
    line(u"day"_s, u"date"_s, day);
    line(u"today"_s, u"samples"_s, QString::number(m_snapshot.samplesToday));
    line(u"today"_s, u"awaiting_result"_s, QString::number(m_snapshot.awaitingResultToday));
    for (int hour = 0; hour < 24; ++hour) {
        line(u"samples_per_hour"_s, u"%1"_s.arg(hour, 2, 10, QLatin1Char('0')),
             QString::number(m_snapshot.samplesPerHour.value(hour)));
    }
    const SiteStatistics::Results& today = m_snapshot.resultsToday;
    line(u"results_today"_s, u"P"_s, QString::number(today.positive));
    line(u"results_today"_s, u"N"_s, QString::number(today.negative));
    line(u"results_today"_s, u"I"_s, QString::number(today.uninterpretable));
    line(u"results_today"_s, u"X"_s, QString::number(today.nonCompliant));
    for (auto it = m_snapshot.lastDays.cbegin(); it != m_snapshot.lastDays.cend(); ++it) {
        const QString date = it.key().toString(Qt::ISODate);
        line(u"results_by_day"_s, date + u" P"_s, QString::number(it->positive));
        line(u"results_by_day"_s, date + u" N"_s, QString::number(it->negative));
        line(u"results_by_day"_s, date + u" I"_s, QString::number(it->uninterpretable));
        line(u"results_by_day"_s, date + u" X"_s, QString::number(it->nonCompliant));
        const double percent = it->positivityPercent();
        line(u"positivity_percent"_s, date,
             percent < 0 ? QString() : QString::number(percent, 'f', 1));
    }
    line(u"national_server"_s, u"waiting"_s, QString::number(m_backlog.waiting));
    line(u"national_server"_s, u"rejected"_s, QString::number(m_backlog.rejected));
    line(u"national_server"_s, u"oldest_waiting"_s,
         m_backlog.oldest.isValid() ? m_backlog.oldest.toUTC().toString(Qt::ISODate) : QString());
    line(u"activation_codes"_s, u"left"_s, QString::number(m_snapshot.codesLeft));
    line(u"activation_codes"_s, u"ending_within_7_days"_s,
         QString::number(m_snapshot.codesExpiringSoon));
    return lines.join(u'\n') + u'\n';
}

bool DashboardWidget::saveImage(const QString& path, QString* error) const
{
    const QImage image = const_cast<DashboardWidget*>(this)->grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *error = tr("the image cannot be written to %1").arg(path);
        return false;
    }
    return true;
}

bool DashboardWidget::saveCsv(const QString& path, QString* error) const
{
    QSaveFile file(path);
    const QByteArray bytes = csv().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("the figures cannot be written to %1").arg(path);
        return false;
    }
    return true;
}

void DashboardWidget::exportImage()
{
    const QString path =
        MessageBox::saveFile(this, tr("Save the dashboard as an image"),
                             u"dashboard-%1.png"_s.arg(m_snapshot.today.toString(Qt::ISODate)),
                             tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveImage(path, &error))
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Success,
                              tr("Dashboard saved to %1.").arg(path));
    else
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Error, error);
}

void DashboardWidget::exportCsv()
{
    const QString path = MessageBox::saveFile(
        this, tr("Save the dashboard's figures"),
        u"dashboard-%1.csv"_s.arg(m_snapshot.today.toString(Qt::ISODate)), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveCsv(path, &error))
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Success,
                              tr("Figures saved to %1.").arg(path));
    else
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Error, error);
}

void DashboardWidget::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    const QRect page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QPixmap image = grab();
    const QSize size = image.size().scaled(page.size(), Qt::KeepAspectRatio);
    painter.drawPixmap(QRect(QPoint(0, 0), size), image);
}
