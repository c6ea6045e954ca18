#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace TestSupport {

SecureBytes password(const QString& text)
{
    return SecureBytes::fromUtf8(text);
}

QString nirWithKey(const QString& first13)
{
    QString digits = first13;
    digits.replace(u"2A"_s, u"19"_s).replace(u"2B"_s, u"18"_s);
    qint64 remainder = 0;
    for (QChar ch : std::as_const(digits))
        remainder = (remainder * 10 + ch.digitValue()) % 97;
    return first13 + u"%1"_s.arg(97 - remainder, 2, 10, QLatin1Char('0'));
}

QStringList identifyingStrings(int index)
{
    const QString n = QString::number(index);
    return {u"Zorglubovitch"_s + n, u"Philomene"_s + n, u"quixotic.patient"_s + n,
            u"61234"_s + u"%1"_s.arg(index % 10000, 4, 10, QLatin1Char('0')),
            nirWithKey(u"2951099126"_s + u"%1"_s.arg(index % 999 + 1, 3, 10, QLatin1Char('0')))};
}

QJsonObject validRecordJson(int index)
{
    const QStringList strings = identifyingStrings(index);
    const QString collectedAt =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toOffsetFromUtc(3600).toString(Qt::ISODate);
    return QJsonObject{
        {u"patient"_s,
         QJsonObject{{u"birthName"_s, strings[0]},
                     {u"firstNames"_s, strings[1]},
                     {u"sex"_s, u"F"_s},
                     {u"birthDate"_s, u"1995-10-21"_s},
                     {u"birthPlace"_s, u"99126"_s},
                     {u"ins"_s, strings[4]},
                     {u"insOid"_s, u"1.2.250.1.213.1.4.8"_s}}},
        {u"contact"_s,
         QJsonObject{{u"address"_s, QJsonObject{{u"lines"_s, QJsonArray{u"12 rue des Lilas"_s}},
                                                {u"postalCode"_s, u"75012"_s},
                                                {u"city"_s, u"Paris"_s}}},
                     {u"email"_s, strings[2] + u"@example.org"_s},
                     {u"emailOwner"_s, u"patient"_s},
                     {u"mobilePhone"_s, u"0"_s + strings[3]},
                     {u"mobilePhoneOwner"_s, u"patient"_s}}},
        {u"residence"_s, QJsonArray{u"individual"_s}},
        {u"healthProfessional"_s, false},
        {u"symptomOnset"_s, u"recent"_s},
        {u"symptoms"_s, QJsonArray{u"fever"_s, u"cough"_s}},
        {u"prescriber"_s, QJsonObject{{u"rpps"_s, u"10100710366"_s}, {u"familyName"_s, u"Martin"_s}}},
        {u"specimen"_s, QJsonObject{{u"accession"_s, u"CHU75-2020-%1"_s.arg(index, 6, 10, QLatin1Char('0'))},
                                    {u"collectedAt"_s, collectedAt},
                                    {u"finess"_s, SiteFiness}}},
    };
}

SamplingRecord validRecord(int index)
{
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(validRecordJson(index), &problems);
    if (!problems.isEmpty())
        qFatal("validRecordJson does not read back cleanly");
    return record;
}

StoreFixture::StoreFixture()
{
    m_path = m_dir.filePath(u"store.db"_s);
    Store store;
    QString error;
    if (!store.initialize(m_path, SiteFiness, AdminName, password(), &m_recoveryKey, &error)
        || !store.addUser(NurseName, Role::Nurse, password(), &error)
        || !store.addUser(LabName, Role::Lab, password(), &error)) {
        qWarning("fixture store: %s", qPrintable(error));
        return;
    }
    m_valid = true;
}

std::unique_ptr<Store> StoreFixture::openAs(const QString& user)
{
    auto store = std::make_unique<Store>();
    QString error;
    if (!store->open(m_path, &error) || !store->signIn(user, password(), &error)) {
        qWarning("cannot sign in as %s: %s", qPrintable(user), qPrintable(error));
        return {};
    }
    return store;
}

} // namespace TestSupport
