#include "SignInWidget.h"

#include "Feedback.h"
#include "SecureBytes.h"
#include "Store.h"
#include "ui_SignInWidget.h"

using namespace Qt::StringLiterals;

SignInWidget::SignInWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SignInWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    m_ui->titleLabel->setFont(title);
    m_ui->messageLabel->hide();
    connect(m_ui->signInButton, &QPushButton::clicked, this, &SignInWidget::signIn);
    connect(m_ui->passwordLineEdit, &QLineEdit::returnPressed, this, &SignInWidget::signIn);
    connect(m_ui->userNameLineEdit, &QLineEdit::returnPressed, m_ui->passwordLineEdit,
            qOverload<>(&QWidget::setFocus));
}

SignInWidget::~SignInWidget() = default;

void SignInWidget::showSignIn()
{
    m_ui->titleLabel->setText(tr("Sign in"));
    const QString site = m_store.setting(u"site.name"_s);
    m_ui->siteLabel->setText(site.isEmpty() ? tr("Site FINESS %1").arg(m_store.siteFiness())
                                            : site);
    m_ui->userNameLineEdit->setReadOnly(false);
    m_ui->userNameLineEdit->clear();
    m_ui->passwordLineEdit->clear();
    Feedback::clearMessage(m_ui->messageLabel);
    m_ui->userNameLineEdit->setFocus();
}

void SignInWidget::showLocked(const QString& userName)
{
    m_ui->titleLabel->setText(tr("Session locked"));
    m_ui->siteLabel->setText(tr("Enter the password of %1 to go on.").arg(userName));
    m_ui->userNameLineEdit->setText(userName);
    m_ui->userNameLineEdit->setReadOnly(true);
    m_ui->passwordLineEdit->clear();
    Feedback::clearMessage(m_ui->messageLabel);
    m_ui->passwordLineEdit->setFocus();
}

void SignInWidget::signIn()
{
    const QString name = m_ui->userNameLineEdit->text().trimmed();
    const SecureBytes password = SecureBytes::fromUtf8(m_ui->passwordLineEdit->text());
    m_ui->passwordLineEdit->clear();
    QString error;
    if (!m_store.signIn(name, password, &error)) {
        // The whole message, wrapped in the card: a lock-out says when to try again.
        Feedback::showMessage(m_ui->messageLabel, Feedback::Tone::Error, error);
        m_ui->passwordLineEdit->setFocus();
        return;
    }
    Feedback::clearMessage(m_ui->messageLabel);
    Q_EMIT signedIn();
}
