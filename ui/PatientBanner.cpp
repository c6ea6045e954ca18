#include "PatientBanner.h"

#include "Identifiers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString sexWords(const QString& sex)
{
    if (sex == u"M"_s)
        return PatientBanner::tr("male");
    if (sex == u"F"_s)
        return PatientBanner::tr("female");
    if (sex == u"U"_s)
        return PatientBanner::tr("sex unknown");
    return PatientBanner::tr("sex not entered");
}

QString identityStatusWords(const QString& status)
{
    if (status == u"provisional"_s)
        return PatientBanner::tr("provisional identity");
    if (status == u"retrieved"_s)
        return PatientBanner::tr("retrieved identity");
    if (status == u"validated"_s)
        return PatientBanner::tr("validated identity");
    if (status == u"qualified"_s)
        return PatientBanner::tr("qualified identity (INS)");
    return PatientBanner::tr("identity status not entered");
}

} // namespace

PatientBanner::PatientBanner(QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(u"PatientBanner { background: #eef3fb; border: 1px solid #9db3d6; "
                  "border-radius: 4px; }"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    m_name = new QLabel(this);
    m_name->setObjectName(u"patientNameLabel"_s);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(u"patientDetailsLabel"_s);
    m_details->setWordWrap(true);
    m_identity = new QLabel(this);
    m_identity->setObjectName(u"patientIdentityLabel"_s);
    m_identity->setWordWrap(true);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_identity);
    setAccessibleName(tr("Patient"));
    clear();
}

void PatientBanner::clear()
{
    m_hasIdentity = false;
    m_name->clear();
    m_details->clear();
    m_identity->clear();
    setAccessibleDescription(QString());
}

QString PatientBanner::ageText(const QDate& birthDate, const QDate& today)
{
    if (!birthDate.isValid() || !today.isValid() || birthDate > today)
        return {};
    int years = today.year() - birthDate.year();
    if (today.month() < birthDate.month() ||
        (today.month() == birthDate.month() && today.day() < birthDate.day())) {
        --years;
    }
    if (years >= 2)
        return tr("%n year(s)", nullptr, years);
    int months = (today.year() - birthDate.year()) * 12 + today.month() - birthDate.month();
    if (today.day() < birthDate.day())
        --months;
    if (months >= 1)
        return tr("%n month(s)", nullptr, months);
    return tr("%n week(s)", nullptr, int(birthDate.daysTo(today) / 7));
}

void PatientBanner::setPatient(const QJsonObject& patient, const QString& collectedAt,
                               const QDate& today)
{
    const QString birthName = patient.value(u"birthName"_s).toString().trimmed().toUpper();
    const QString usualName = patient.value(u"usualName"_s).toString().trimmed().toUpper();
    const QString firstNames = patient.value(u"firstNames"_s).toString().trimmed();
    if (birthName.isEmpty() && usualName.isEmpty()) {
        clear();
        return;
    }
    m_hasIdentity = true;
    QString name = birthName.isEmpty() ? usualName : birthName;
    if (!birthName.isEmpty() && !usualName.isEmpty() && usualName != birthName)
        name = tr("%1 (usual name %2)").arg(birthName, usualName);
    m_name->setText(firstNames.isEmpty() ? name : name + u' ' + firstNames);

    QStringList details{sexWords(patient.value(u"sex"_s).toString())};
    const QDate birthDate =
        QDate::fromString(patient.value(u"birthDate"_s).toString(), Qt::ISODate);
    if (birthDate.isValid()) {
        details.append(tr("born %1 (%2)")
                           .arg(QLocale().toString(birthDate, QLocale::ShortFormat),
                                ageText(birthDate, today)));
    } else {
        details.append(tr("birth date not entered"));
    }
    const QString ins = patient.value(u"ins"_s).toString();
    // A number that fails its check is shown as such: read back, it would be taken as right.
    const bool insValid = Identifiers::checkNir(ins).valid;
    details.append(ins.isEmpty() ? tr("no INS number")
                   : insValid    ? tr("INS %1").arg(Identifiers::formatNir(ins))
                                 : tr("INS %1 (wrong: to read again)").arg(ins));
    m_details->setText(details.join(u"  ·  "_s));

    QStringList identity{identityStatusWords(patient.value(u"identityStatus"_s).toString())};
    const QDateTime sampled = QDateTime::fromString(collectedAt, Qt::ISODate);
    if (sampled.isValid()) {
        identity.append(
            tr("sampled %1").arg(QLocale().toString(sampled.toLocalTime(), QLocale::ShortFormat)));
    }
    m_identity->setText(identity.join(u"  ·  "_s));
    setAccessibleDescription(text());
}

QString PatientBanner::text() const
{
    return QStringList{m_name->text(), m_details->text(), m_identity->text()}.join(u" — "_s);
}
