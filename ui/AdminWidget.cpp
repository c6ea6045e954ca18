#include "AdminWidget.h"

#include "MessageBox.h"
#include "SecureBytes.h"
#include "Store.h"
#include "UiLanguage.h"
#include "ui_AdminWidget.h"

using namespace Qt::StringLiterals;

AdminWidget::AdminWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AdminWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    m_ui->newUserRoleComboBox->addItem(tr("Nurse (sampling)"), roleName(Role::Nurse));
    m_ui->newUserRoleComboBox->addItem(tr("Laboratory (results)"), roleName(Role::Lab));
    m_ui->newUserRoleComboBox->addItem(tr("Administrator"), roleName(Role::Admin));
    for (int i = 0; i < m_ui->newUserRoleComboBox->count(); ++i) {
        m_ui->selectedRoleComboBox->addItem(m_ui->newUserRoleComboBox->itemText(i),
                                            m_ui->newUserRoleComboBox->itemData(i));
    }
    m_ui->usersTableWidget->setColumnCount(3);
    m_ui->usersTableWidget->setHorizontalHeaderLabels({tr("User"), tr("Role"), tr("State")});
    connect(m_ui->addUserButton, &QPushButton::clicked, this, &AdminWidget::addUser);
    connect(m_ui->newUserPasswordLineEdit, &QLineEdit::returnPressed, this, &AdminWidget::addUser);
    connect(m_ui->disableUserButton, &QPushButton::clicked, this, &AdminWidget::disableUser);
    connect(m_ui->saveSettingsButton, &QPushButton::clicked, this, &AdminWidget::saveSettings);
    connect(m_ui->changeRoleButton, &QPushButton::clicked, this, &AdminWidget::changeRole);
    connect(m_ui->resetPasswordButton, &QPushButton::clicked, this, &AdminWidget::resetPassword);
    connect(m_ui->usersTableWidget, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0)
            return;
        const int index =
            m_ui->selectedRoleComboBox->findData(m_ui->usersTableWidget->item(row, 1)->text());
        m_ui->selectedRoleComboBox->setCurrentIndex(std::max(0, index));
    });
}

AdminWidget::~AdminWidget() = default;

void AdminWidget::refresh()
{
    const QList<Account> accounts = m_store.users();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_ui->usersTableWidget->setRowCount(int(accounts.size()));
    for (int row = 0; row < accounts.size(); ++row) {
        const Account& account = accounts.at(row);
        const QString state = account.disabled ? tr("disabled")
                              : account.lockedUntil.isValid() && account.lockedUntil > now
                                  ? tr("locked")
                                  : tr("active");
        // The role as people say it; its stored name in the item's data.
        const QStringList cells = {account.name, UiLanguage::roleName(account.role), state};
        for (int column = 0; column < cells.size(); ++column)
            m_ui->usersTableWidget->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_ui->usersTableWidget->item(row, 1)->setData(Qt::UserRole, roleName(account.role));
    }
    m_ui->usersTableWidget->resizeColumnsToContents();
    m_ui->lockMinutesSpinBox->setValue(m_store.setting(u"session.lockMinutes"_s, u"5"_s).toInt());
}

void AdminWidget::addUser()
{
    const QString name = m_ui->newUserNameLineEdit->text().trimmed();
    const std::optional<Role> role =
        roleFromName(m_ui->newUserRoleComboBox->currentData().toString());
    const SecureBytes password = SecureBytes::fromUtf8(m_ui->newUserPasswordLineEdit->text());
    QString error;
    if (!role || !m_store.addUser(name, *role, password, &error)) {
        m_ui->messageLabel->setText(error);
        m_ui->newUserPasswordLineEdit->clear(); // typed again, not appended to
        m_ui->newUserPasswordLineEdit->setFocus();
        return;
    }
    m_ui->newUserNameLineEdit->clear();
    m_ui->newUserPasswordLineEdit->clear();
    m_ui->messageLabel->setText(tr("Account %1 created.").arg(name));
    refresh();
}

void AdminWidget::disableUser()
{
    const int row = m_ui->usersTableWidget->currentRow();
    if (row < 0)
        return;
    const QString name = m_ui->usersTableWidget->item(row, 0)->text();
    if (MessageBox::question(this, tr("Disable %1?").arg(name),
                             tr("%1 will no longer be able to sign in.").arg(name)) !=
        MessageBox::Yes) {
        return;
    }
    QString error;
    m_ui->messageLabel->setText(
        m_store.disableUser(name, &error) ? tr("Account %1 disabled.").arg(name) : error);
    refresh();
}

void AdminWidget::saveSettings()
{
    QString error;
    if (!m_store.setSetting(u"session.lockMinutes"_s,
                            QString::number(m_ui->lockMinutesSpinBox->value()), &error)) {
        m_ui->messageLabel->setText(error);
        return;
    }
    m_ui->messageLabel->setText(tr("Settings saved."));
    Q_EMIT settingsChanged();
}

QString AdminWidget::selectedUser() const
{
    const int row = m_ui->usersTableWidget->currentRow();
    return row < 0 ? QString() : m_ui->usersTableWidget->item(row, 0)->text();
}

void AdminWidget::changeRole()
{
    const QString name = selectedUser();
    const std::optional<Role> role =
        roleFromName(m_ui->selectedRoleComboBox->currentData().toString());
    QString error;
    if (name.isEmpty() || !role)
        return;
    m_ui->messageLabel->setText(
        m_store.setRole(name, *role, &error)
            ? tr("%1 is now %2.").arg(name, m_ui->selectedRoleComboBox->currentText())
            : error);
    refresh();
}

void AdminWidget::resetPassword()
{
    const QString name = selectedUser();
    if (name.isEmpty())
        return;
    const SecureBytes password = SecureBytes::fromUtf8(m_ui->resetPasswordLineEdit->text());
    m_ui->resetPasswordLineEdit->clear();
    QString error;
    m_ui->messageLabel->setText(m_store.setPassword(name, password, &error)
                                    ? tr("Password of %1 reset; the account is unlocked.").arg(name)
                                    : error);
    refresh();
}
