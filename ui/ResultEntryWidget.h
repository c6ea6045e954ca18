#pragma once

#include "Problem.h"
#include "ResultStore.h"

#include <QByteArray>
#include <QTimer>
#include <QUuid>
#include <QWidget>
#include <memory>

namespace Ui {
class ResultEntryWidget;
}
class Store;

// The lab's screen: scan a tube (or type its label), enter the analysis, the result, its
// validation time and the report; correct or cancel a validated result with a reason; show
// a positive's activation QR code for a short while, and print the result slip. A rack
// mode serves a rack of tubes: scan, key, scan, key.
class ResultEntryWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ResultEntryWidget(Store& store, QWidget* parent = nullptr);
    ~ResultEntryWidget() override;

    // The signed-in lab user's results (null when nobody is signed in).
    void setResultStore(ResultStore* results);
    // Opens the record of a tube: false (and a message) when there is none.
    bool openTube(const QString& label);
    QUuid openRecord() const { return m_id; }
    // Forgets everything shown (the session is locking).
    void clear();

    void setQrDisplaySeconds(int seconds) { m_qrTimer.setInterval(seconds * 1000); }

    // What this technician keyed since the rack began: checked against the rack before
    // leaving it.
    struct RackTally
    {
        int positive = 0;
        int negative = 0;
        int other = 0; // uninterpretable, non-compliant
    };
    RackTally rackTally() const { return m_rack; }
    void startNewRack();

Q_SIGNALS:
    void resultEntered(const QUuid& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ResultStore::Entry keyedEntry() const;
    void showRefusal(const QString& error, const QList<Problem>& problems);
    void enter();
    void correct();
    void cancelResult();
    void showQr();
    void hideQr();
    void printSlip();
    void attachReport();
    void openReport();
    void refresh();
    void readyForNextTube();
    void showMessage(int tone, const QString& text);
    void showRackTally();

    std::unique_ptr<Ui::ResultEntryWidget> m_ui;
    Store& m_store;
    ResultStore* m_results = nullptr;
    QUuid m_id;
    QByteArray m_report;
    QTimer m_qrTimer;
    RackTally m_rack;
};
