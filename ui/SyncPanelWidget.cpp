#include "SyncPanelWidget.h"

#include "SyncEngine.h"
#include "SyncTransport.h"
#include "ui_SyncPanelWidget.h"

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
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncPanelWidget::syncNow);
    connect(m_ui->sendNowButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (m_engine && !m_engine->retryNow(&error))
            m_ui->lastErrorLabel->setText(error);
        syncNow();
    });
    setEngine(nullptr, nullptr, {});
}

SyncPanelWidget::~SyncPanelWidget() = default;

void SyncPanelWidget::setEngine(SyncEngine* engine, SyncTransport* transport,
                                const QString& serverName)
{
    m_engine = engine;
    m_transport = transport;
    m_ui->sendNowButton->setEnabled(engine != nullptr);
    m_ui->serverLabel->setText(engine ? serverName
                                      : tr("not configured (an administrator imports the "
                                           "site's certificate and the server's address)"));
    if (!engine) {
        m_timer.stop();
        for (QLabel* label : {m_ui->waitingLabel, m_ui->oldestLabel, m_ui->lastSuccessLabel,
                              m_ui->rejectedLabel, m_ui->lastErrorLabel, m_ui->clockLabel})
            label->clear();
        return;
    }
    connect(engine, &SyncEngine::batchFinished, this, [this] {
        refresh();
        sendMore();
    });
    m_timer.start();
    refresh();
}

void SyncPanelWidget::refresh()
{
    if (!m_engine)
        return;
    const SyncEngine::Status status = m_engine->status();
    m_ui->waitingLabel->setText(QString::number(status.waiting + status.sending));
    m_ui->oldestLabel->setText(status.waiting + status.sending > 0 ? shown(status.oldestWaiting)
                                                                   : tr("nothing waits"));
    m_ui->lastSuccessLabel->setText(shown(status.lastSuccess));
    m_ui->rejectedLabel->setText(QString::number(status.rejected));
    m_ui->lastErrorLabel->setText(status.lastError.isEmpty() ? tr("none") : status.lastError);
}

void SyncPanelWidget::sendMore()
{
    // Batch after batch while records are due; the engine says when there is nothing.
    if (m_engine && !m_engine->isBusy())
        m_engine->sendNextBatch();
}

void SyncPanelWidget::syncNow()
{
    if (!m_engine)
        return;
    int added = 0;
    QString error;
    if (!m_engine->enqueue(&added, &error))
        m_ui->lastErrorLabel->setText(error);
    refresh();
    sendMore();
    m_transport->fetchServerTime([this](const QDateTime& server) {
        if (!server.isValid()) {
            m_ui->clockLabel->setText(tr("the server's clock could not be read"));
            return;
        }
        const qint64 skew = QDateTime::currentDateTimeUtc().secsTo(server);
        const QString text = tr("the server's clock is %1 s from this workstation's").arg(skew);
        const bool off = std::abs(skew) > ClockToleranceSeconds;
        m_ui->clockLabel->setText(
            off ? tr("%1: set this workstation's clock (more than 5 minutes apart)").arg(text)
                : text);
        m_ui->clockLabel->setStyleSheet(off ? u"color: #b00020;"_s : QString());
    });
}
