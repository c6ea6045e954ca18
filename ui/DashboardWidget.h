#pragma once

#include "SiteStatistics.h"
#include "SyncBacklog.h"

#include <QDate>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class DashboardWidget;
}
class QBarSet;
class QChart;
class QPieSeries;
class Store;

// The site's dashboard, for every role: today's samples per hour, the results of today's
// samples by value, the positivity of the last 14 days, what waits for the national server
// and since when, the activation codes left. Counts only, never an identity. Follows the
// store (refresh() after each save, result or sync round, and every minute), and prints or
// saves itself as an image or as CSV figures.
class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardWidget(Store& store, QWidget* parent = nullptr);
    ~DashboardWidget() override;

    // What "today" is: the local date unless a test fixes it.
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

    // Reads the counts again now.
    void refresh();
    // Reads them again soon: several changes in a row cost one refresh.
    void scheduleRefresh();
    // Forgets everything shown (the session locks or signs out).
    void clear();

    const SiteStatistics::Snapshot& snapshot() const { return m_snapshot; }
    const SyncBacklog& backlog() const { return m_backlog; }
    // The figures shown, as CSV (section, key, value lines).
    QString csv() const;
    [[nodiscard]] bool saveImage(const QString& path, QString* error) const;
    [[nodiscard]] bool saveCsv(const QString& path, QString* error) const;

private:
    void exportImage();
    void exportCsv();
    void print();
    void showTiles();
    void showCharts();

    std::unique_ptr<Ui::DashboardWidget> m_ui;
    Store& m_store;
    std::function<QDate()> m_today = [] { return QDate::currentDate(); };
    SiteStatistics::Snapshot m_snapshot;
    SyncBacklog m_backlog;
    bool m_hasData = false;
    QTimer m_refreshTimer;
    QTimer m_minuteTimer;
    QChart* m_hoursChart = nullptr;
    QChart* m_resultsChart = nullptr;
    QChart* m_positivityChart = nullptr;
};
