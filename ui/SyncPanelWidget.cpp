#include "SyncPanelWidget.h"

#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "ui_SyncPanelWidget.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

QString shown(const QDateTime& when)
{
    return when.isValid() ? when.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s)
                          : SyncPanelWidget::tr("never");
}

} // namespace

SyncPanelWidget::SyncPanelWidget(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SyncPanelWidget>())
{
    m_ui->setupUi(this);
    connect(m_ui->sendNowButton, &QPushButton::clicked, this, [this] {
        if (m_scheduler)
            m_scheduler->syncNow(true);
    });
    setSync(nullptr, nullptr, {});
}

SyncPanelWidget::~SyncPanelWidget() = default;

void SyncPanelWidget::setSync(SyncEngine* engine, SyncScheduler* scheduler,
                              const QString& serverName)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_scheduler = scheduler;
    m_ui->sendNowButton->setEnabled(engine != nullptr);
    m_ui->serverLabel->setText(engine ? serverName
                                      : tr("not configured (an administrator imports the "
                                           "site's certificate and the server's address)"));
    if (!engine || !scheduler) {
        for (QLabel* label :
             {m_ui->connectionLabel, m_ui->waitingLabel, m_ui->oldestLabel, m_ui->lastSuccessLabel,
              m_ui->rejectedLabel, m_ui->lastErrorLabel, m_ui->clockLabel, m_ui->throughputLabel})
            label->clear();
        m_ui->lateSamplesLabel->clear();
        m_ui->lateSamplesTreeWidget->clear();
        m_ui->lateSamplesTreeWidget->hide();
        return;
    }
    connect(engine, &SyncEngine::batchFinished, this, &SyncPanelWidget::refresh);
    connect(scheduler, &SyncScheduler::roundStarted, this, &SyncPanelWidget::refresh);
    connect(scheduler, &SyncScheduler::roundFinished, this, &SyncPanelWidget::refresh);
    connect(scheduler, &SyncScheduler::offlineChanged, this, &SyncPanelWidget::refresh);
    connect(scheduler, &SyncScheduler::serverClockRead, this, &SyncPanelWidget::showClocks);
    refresh();
}

void SyncPanelWidget::refresh()
{
    if (!m_engine || !m_scheduler)
        return;
    const SyncEngine::Status status = m_engine->status();
    if (m_scheduler->isOffline()) {
        m_ui->connectionLabel->setText(tr("the server cannot be reached: what waits is kept, "
                                          "and goes by itself as soon as the server answers"));
    } else {
        m_ui->connectionLabel->setText(m_scheduler->isInRound() ? tr("sending")
                                                                : tr("the server answers"));
    }
    // Records, as people count them; the versions when a record has more than one to send.
    const int versionsWaiting = status.waiting + status.sending;
    m_ui->waitingLabel->setText(versionsWaiting == status.recordsWaiting
                                    ? QString::number(status.recordsWaiting)
                                    : tr("%1 (%n version(s) to send)", nullptr, versionsWaiting)
                                          .arg(status.recordsWaiting));
    m_ui->oldestLabel->setText(status.waiting + status.sending > 0 ? shown(status.oldestWaiting)
                                                                   : tr("nothing waits"));
    m_ui->lastSuccessLabel->setText(shown(status.lastSuccess));
    // A send state edited in the file is never acted on: say so where rejections are.
    m_ui->rejectedLabel->setText(
        status.recordsDamaged == 0
            ? QString::number(status.recordsRejected)
            : tr("%1; %n record(s) whose send state was edited in the file, not sent: ask the "
                 "administrator to run sidepctl db verify",
                 nullptr, status.recordsDamaged)
                  .arg(status.recordsRejected));
    showThroughput(versionsWaiting);
    // A problem of the round itself (the store, a refill) first, then the outbox's.
    QString lastError = m_scheduler->lastProblem();
    if (lastError.isEmpty())
        lastError = status.lastError;
    m_ui->lastErrorLabel->setText(lastError.isEmpty() ? tr("none") : readable(lastError));
    showLateSamples();
}

void SyncPanelWidget::showLateSamples()
{
    // The national server has only their registration: the nurse chases the lab with the
    // tube label and the sampling date, nothing more of the person.
    QString error;
    const QList<RecordStore::AwaitingResult> late = m_engine->awaitingResult(&error);
    QTreeWidget* tree = m_ui->lateSamplesTreeWidget;
    tree->clear();
    if (!error.isEmpty()) {
        m_ui->lateSamplesLabel->setText(
            tr("the samples without a result could not be read: %1").arg(readable(error)));
        tree->hide();
        return;
    }
    if (late.isEmpty()) {
        m_ui->lateSamplesLabel->setText(
            tr("no sample has waited more than %n day(s) for its result", nullptr,
               RecordStore::AwaitingResultDays));
        tree->hide();
        return;
    }
    m_ui->lateSamplesLabel->setText(
        tr("%n sample(s) without a result more than %1 days after sampling: ask the lab", nullptr,
           int(late.size()))
            .arg(RecordStore::AwaitingResultDays));
    const QDateTime now = m_engine->now();
    for (const RecordStore::AwaitingResult& sample : late) {
        const QDateTime sampled = QDateTime::fromString(sample.collectedAt, Qt::ISODate);
        const qint64 days = sampled.isValid() ? sampled.secsTo(now) / (24 * 60 * 60) : -1;
        auto* item = new QTreeWidgetItem(tree);
        // An unreadable label is said so, not left blank (the record is still late).
        item->setText(0, sample.accession.isEmpty() ? tr("(unreadable label)") : sample.accession);
        item->setText(1, sampled.isValid() ? shown(sampled) : sample.collectedAt);
        item->setText(2, days >= 0 ? QString::number(days) : QString());
        item->setData(2, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
    }
    tree->show();
}

void SyncPanelWidget::showThroughput(int versionsWaiting)
{
    const BatchSizer& sizer = m_engine->batchSizer();
    if (!sizer.hasMeasure()) {
        m_ui->throughputLabel->setText(tr("not measured yet (after the first batch sent)"));
        return;
    }
    const QString speed = tr("%1/s").arg(
        locale().formattedDataSize(qint64(sizer.bytesPerSecond()), 1, QLocale::DataSizeSIFormat));
    const qint64 seconds = sizer.secondsFor(versionsWaiting);
    QString left;
    if (versionsWaiting == 0)
        left = tr("nothing left to send");
    else if (seconds < 120)
        left = tr("about %n s left", nullptr, int(std::max<qint64>(1, seconds)));
    else
        left = tr("about %n min left", nullptr, int((seconds + 59) / 60));
    m_ui->throughputLabel->setText(tr("%1, %2").arg(speed, left));
}

QString SyncPanelWidget::readable(const QString& message)
{
    QString text = message;
    // "with 'sidepctl config import-cert'": where a screen's user does it.
    static const QRegularExpression command(u"'sidepctl config [^']*'"_s);
    text.replace(command, tr("the National server tab (administrator)"));
    text.replace(u"sync.url"_s, tr("the national server's address"));
    return text;
}

void SyncPanelWidget::showClocks(const QDateTime& server, const QDateTime& workstation)
{
    if (!server.isValid()) {
        m_ui->clockLabel->setText(tr("the server's clock could not be read"));
        m_ui->clockLabel->setStyleSheet(QString());
        return;
    }
    const qint64 skew = workstation.secsTo(server);
    const QString text = tr("the server's clock is %1 s from this workstation's").arg(skew);
    const bool off = std::abs(skew) > ClockToleranceSeconds;
    m_ui->clockLabel->setText(
        off ? tr("%1: set this workstation's clock (more than 5 minutes apart)").arg(text) : text);
    m_ui->clockLabel->setStyleSheet(off ? u"color: #b00020;"_s : QString());
}
