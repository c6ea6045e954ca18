#include "SiteDatabaseRetryWidget.h"

#include "Feedback.h"
#include "ui_SiteDatabaseRetryWidget.h"

#include <QLocale>

SiteDatabaseRetryWidget::SiteDatabaseRetryWidget(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SiteDatabaseRetryWidget>())
{
    m_ui->setupUi(this);
    QFont title = m_ui->unreachableTitleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    m_ui->unreachableTitleLabel->setFont(title);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SiteDatabaseRetryWidget::tick);
    connect(m_ui->retryButton, &QPushButton::clicked, this,
            &SiteDatabaseRetryWidget::retryRequested);
}

SiteDatabaseRetryWidget::~SiteDatabaseRetryWidget() = default;

void SiteDatabaseRetryWidget::showConnecting()
{
    m_ui->unreachableTitleLabel->setText(tr("Connecting to the site database"));
    m_ui->unreachableReasonLabel->hide();
    m_ui->unreachableAdviceLabel->hide();
    showTrying();
}

void SiteDatabaseRetryWidget::showUnreachable(const QString& reason)
{
    m_ui->unreachableTitleLabel->setText(tr("The site database cannot be reached"));
    m_ui->unreachableAdviceLabel->show();
    m_lastAttempt = QTime::currentTime();
    // libpq breaks its messages over lines with tabs: one paragraph reads better in the card.
    Feedback::showMessage(m_ui->unreachableReasonLabel, Feedback::Tone::Error, reason.simplified());
    m_secondsLeft = RetrySeconds;
    showCountdown();
    m_countdown.start();
    m_ui->retryButton->setEnabled(true);
    m_ui->retryButton->setFocus();
}

void SiteDatabaseRetryWidget::showTrying()
{
    m_countdown.stop();
    m_ui->retryButton->setEnabled(false);
    m_ui->retryCountdownLabel->setText(tr("Trying to reach the site database..."));
}

void SiteDatabaseRetryWidget::stop()
{
    m_countdown.stop();
    m_ui->retryButton->setEnabled(true);
}

void SiteDatabaseRetryWidget::tick()
{
    if (--m_secondsLeft > 0) {
        showCountdown();
        return;
    }
    m_countdown.stop();
    Q_EMIT retryRequested();
}

void SiteDatabaseRetryWidget::showCountdown()
{
    m_ui->retryCountdownLabel->setText(
        tr("Last attempt at %1. Trying again in %n second(s).", nullptr, m_secondsLeft)
            .arg(QLocale().toString(m_lastAttempt, QLocale::ShortFormat)));
}
