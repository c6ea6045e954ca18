#pragma once

#include "RecordStore.h"

#include <QDate>
#include <QTimer>
#include <QUuid>
#include <QWidget>
#include <functional>
#include <memory>

class RecordQueueModel;

namespace Ui {
class QueueWidget;
}

// The queue of the site: today's records (or every day's), filtered by status, searched by
// tube label, the start of a name or first name, or the end of a tube label. The selected
// record opens in a detail pane (what the role may see: the result only for the lab), from
// which its tube label is reprinted and, by a nurse, the record corrected; both are left to
// whoever holds the widget, through signals.
class QueueWidget : public QWidget
{
    Q_OBJECT

public:
    explicit QueueWidget(QWidget* parent = nullptr);
    ~QueueWidget() override;

    // After each sign-in; nullptr (or the store signing out) empties the queue.
    void setRecordStore(RecordStore* records);
    RecordQueueModel* model() const { return m_model; }

    // Reads the filters again ("today" moves at midnight) and counts again.
    void refresh();
    // What "today" is for the day filter: the local date unless a test fixes it.
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }
    // The session locks: drops every decrypted value, the search text included.
    void clear();
    // What the signed-in role may do from the detail pane.
    void setAccess(bool canCorrect, bool seesResults);
    // A message in the queue's band (tone: Feedback::Tone).
    void showMessage(int tone, const QString& text);
    QUuid selectedRecord() const { return m_detailId; }
    // Loads the detail of the current row now (it otherwise follows the selection shortly).
    void showDetailNow();

Q_SIGNALS:
    void recordActivated(const QUuid& id);
    void reprintRequested(const QUuid& id, const QString& tubeLabel);
    void correctionRequested(const QUuid& id);

private:
    void search();
    void applyQuery();
    RecordStore::Query filterQuery() const;
    void updateCount(int count);
    void showError(const QString& error);
    void rememberPosition();
    void restorePosition();
    void clearDetail();
    void showDetail(const QUuid& id);

    std::unique_ptr<Ui::QueueWidget> m_ui;
    RecordQueueModel* m_model = nullptr;
    // The text of the last search run (Enter), not what is being typed.
    QString m_searchText;
    // Kept across a refresh so that a save elsewhere does not move the user's place.
    QUuid m_currentId;
    int m_currentRow = -1;
    int m_scrollValue = 0;
    bool m_newQuery = false;
    std::function<QDate()> m_today = [] { return QDate::currentDate(); };
    // Reading a record is audited: the pane waits for the selection to settle.
    QTimer m_detailTimer;
    QUuid m_detailId;
    QString m_detailTube;
    bool m_canCorrect = false;
    bool m_seesResults = false;
};
