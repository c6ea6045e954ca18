#include "InsDataMatrix.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString GS(InsDataMatrix::GroupSeparator);
const QString Header = u"IS01"_s + QString(22, u'0');
const QString Nir = u"185057512345673"_s;
const QString Oid = u"1.2.250.1.213.1.4.8"_s;

// The fields of the codes.md example, each with its id and its separator, so that a test
// can change, drop or reorder one.
QStringList exampleFields()
{
    return {u"S1"_s + Nir, u"S2"_s + Oid + GS, u"S3ADA"_s + GS, u"S4LOVELACE"_s + GS,
            u"S5F"_s,      u"S610-12-1815"_s,  u"S799100"_s};
}

QString payload(const QStringList& fields)
{
    return Header + fields.join(QString());
}

// The example with field `index` (0 for S1) replaced; an empty `field` removes it.
QString withField(int index, const QString& field)
{
    QStringList fields = exampleFields();
    fields[index] = field;
    return payload(fields);
}

InsIdentity exampleIdentity()
{
    return {Nir, Oid, u"ADA"_s, u"LOVELACE"_s, u"F"_s, QDate(1815, 12, 10), u"99100"_s};
}

bool operator==(const InsIdentity& a, const InsIdentity& b)
{
    return a.matricule == b.matricule && a.oid == b.oid && a.givenNames == b.givenNames &&
           a.familyName == b.familyName && a.sex == b.sex && a.birthDate == b.birthDate &&
           a.birthPlace == b.birthPlace;
}

} // namespace

Q_DECLARE_METATYPE(InsIdentity)

// The INS DataMatrix text: the codes.md example, every way a field can be wrong, and the
// round trip through toPayload().
class TestInsDataMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSpecExample();
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void roundTrip_data();
    void roundTrip();
    void toPayloadWritesSeparatorsOnlyAfterShortFields();
    void patientJson();
};

void TestInsDataMatrix::parsesSpecExample()
{
    // Exactly as codes.md prints it, <GS> standing for the separator.
    QString text = u"IS010000000000000000000000S1185057512345673S21.2.250.1.213.1.4.8<GS>S3ADA<GS>"
                   u"S4LOVELACE<GS>S5FS610-12-1815S799100"_s;
    text.replace(u"<GS>"_s, GS);
    const InsDataMatrix::Result result = InsDataMatrix::parse(text);
    QVERIFY2(result.valid, qPrintable(result.rule + u": "_s + result.message));
    QVERIFY(result.rule.isEmpty());
    QCOMPARE(result.identity.matricule, Nir);
    QCOMPARE(result.identity.oid, Oid);
    QCOMPARE(result.identity.givenNames, u"ADA"_s);
    QCOMPARE(result.identity.familyName, u"LOVELACE"_s);
    QCOMPARE(result.identity.sex, u"F"_s);
    QCOMPARE(result.identity.birthDate, QDate(1815, 12, 10));
    QCOMPARE(result.identity.birthPlace, u"99100"_s);
}

void TestInsDataMatrix::accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<InsIdentity>("expected");

    InsIdentity identity = exampleIdentity();
    {
        InsIdentity noPlace = identity;
        noPlace.birthPlace.clear();
        QTest::newRow("S7 absent") << withField(6, QString()) << noPlace;
    }
    {
        // At its maximum length a variable field has no separator.
        InsIdentity longNames = identity;
        longNames.givenNames = QString(100, u'A');
        longNames.familyName = QString(100, u'B');
        QTest::newRow("S3 and S4 of 100 characters, no GS")
            << payload({u"S1"_s + Nir, u"S2"_s + Oid + GS, u"S3"_s + longNames.givenNames,
                        u"S4"_s + longNames.familyName, u"S5F"_s, u"S610-12-1815"_s, u"S799100"_s})
            << longNames;
    }
    {
        InsIdentity test = identity;
        test.oid = u"1.2.250.1.213.1.4.10"_s;
        QTest::newRow("20-character OID, no GS") << withField(1, u"S2"_s + test.oid) << test;
    }
    {
        InsIdentity compound = identity;
        compound.givenNames = u"JEAN-PIERRE MARIE"_s;
        compound.familyName = u"D'ARTAGNAN DE BATZ"_s;
        compound.sex = u"M"_s;
        compound.matricule = TestSupport::nirWithKey(u"1680364123456"_s);
        compound.birthPlace = u"64123"_s;
        compound.birthDate = QDate(1968, 3, 1);
        QTest::newRow("compound names, apostrophe")
            << payload({u"S1"_s + compound.matricule, u"S2"_s + Oid + GS,
                        u"S3JEAN-PIERRE MARIE"_s + GS, u"S4D'ARTAGNAN DE BATZ"_s + GS, u"S5M"_s,
                        u"S601-03-1968"_s, u"S764123"_s})
            << compound;
    }
    {
        InsIdentity accented = identity;
        accented.familyName = u"LÉGER"_s;
        QTest::newRow("accented upper case") << withField(3, u"S4LÉGER"_s + GS) << accented;
    }
    {
        InsIdentity corsica = identity;
        corsica.matricule = TestSupport::nirWithKey(u"290012A004123"_s);
        corsica.birthPlace = u"2A004"_s;
        QTest::newRow("Corsica") << payload({u"S1"_s + corsica.matricule, u"S2"_s + Oid + GS,
                                             u"S3ADA"_s + GS, u"S4LOVELACE"_s + GS, u"S5F"_s,
                                             u"S610-12-1815"_s, u"S72A004"_s})
                                 << corsica;
    }
    {
        InsIdentity nia = identity;
        nia.matricule = TestSupport::nirWithKey(u"8900199123456"_s);
        nia.oid = u"1.2.250.1.213.1.4.9"_s;
        QTest::newRow("NIA") << payload({u"S1"_s + nia.matricule, u"S2"_s + nia.oid + GS,
                                         u"S3ADA"_s + GS, u"S4LOVELACE"_s + GS, u"S5F"_s,
                                         u"S610-12-1815"_s, u"S799100"_s})
                             << nia;
    }
    {
        InsIdentity overseas = identity;
        overseas.birthPlace = u"97411"_s;
        QTest::newRow("overseas birth place") << withField(6, u"S797411"_s) << overseas;
    }
    {
        InsIdentity leap = identity;
        leap.birthDate = QDate(2000, 2, 29);
        QTest::newRow("29 February of a leap year") << withField(5, u"S629-02-2000"_s) << leap;
    }
    {
        InsIdentity today = identity;
        today.birthDate = QDate::currentDate();
        QTest::newRow("born today")
            << withField(5, u"S6"_s + today.birthDate.toString(u"dd-MM-yyyy")) << today;
    }
    {
        // A separator after a field of maximum length is superfluous but harmless.
        InsIdentity test = identity;
        test.oid = u"1.2.250.1.213.1.4.10"_s;
        QTest::newRow("GS after a full-length field")
            << withField(1, u"S2"_s + test.oid + GS) << test;
    }
}

void TestInsDataMatrix::accepts()
{
    QFETCH(QString, text);
    QFETCH(InsIdentity, expected);
    const InsDataMatrix::Result result = InsDataMatrix::parse(text);
    QVERIFY2(result.valid, qPrintable(result.rule + u": "_s + result.message));
    QVERIFY(result.identity == expected);
}

void TestInsDataMatrix::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rule");

    const QString example = payload(exampleFields());
    // Header
    QTest::newRow("empty") << QString() << u"ins.header"_s;
    QTest::newRow("tube label") << u"CHU75-2020-000123"_s << u"ins.header"_s;
    QTest::newRow("header: wrong prefix") << QString(u"IX"_s + example.mid(2)) << u"ins.header"_s;
    QTest::newRow("header: lower case") << QString(u"is"_s + example.mid(2)) << u"ins.header"_s;
    QTest::newRow("header: truncated") << u"IS0100000000"_s << u"ins.header"_s;
    QTest::newRow("header: 21 zeros")
        << QString(u"IS01"_s + QString(21, u'0') + example.mid(26)) << u"ins.header"_s;
    QTest::newRow("header: not zeros")
        << QString(u"IS01"_s + QString(21, u'0') + u"1"_s + example.mid(26)) << u"ins.header"_s;
    QTest::newRow("header: version 02") << QString(u"IS02"_s + example.mid(4)) << u"ins.version"_s;
    QTest::newRow("header only") << Header << u"ins.S1.missing"_s;

    // S1
    QTest::newRow("S1 missing") << withField(0, QString()) << u"ins.S1.missing"_s;
    QTest::newRow("S1 too short") << withField(0, u"S118505751234567"_s) << u"ins.S1.length"_s;
    QTest::newRow("S1 too long") << withField(0, u"S11850575123456730"_s) << u"ins.S1.length"_s;
    QTest::newRow("S1 short, then GS")
        << withField(0, u"S118505751234567"_s + GS) << u"ins.S1.length"_s;
    QTest::newRow("S1 bad key") << withField(0, u"S1185057512345674"_s) << u"nir.key"_s;
    QTest::newRow("S1 letters") << withField(0, u"S118505751234X673"_s) << u"nir.format"_s;
    QTest::newRow("S1 bad sex digit")
        << withField(0, u"S1"_s + TestSupport::nirWithKey(u"5850575123456"_s)) << u"nir.sex"_s;
    QTest::newRow("S1 with spaces")
        << withField(0, u"S11 85 05 75 123 456 73"_s) << u"ins.S1.length"_s;
    QTest::newRow("S1 lower-case Corsica")
        << withField(0, u"S1"_s + TestSupport::nirWithKey(u"290012A004123"_s).toLower())
        << u"nir.format"_s;

    // S2
    QTest::newRow("S2 missing") << withField(1, QString()) << u"ins.S2.missing"_s;
    QTest::newRow("S2 empty") << withField(1, u"S2"_s + GS) << u"ins.S2.length"_s;
    QTest::newRow("S2 too short") << withField(1, u"S21.2.250.1.213.1.4"_s + GS)
                                  << u"ins.S2.length"_s;
    QTest::newRow("S2 too long") << withField(1, u"S21.2.250.1.213.1.4.100"_s + GS)
                                 << u"ins.S2.length"_s;
    QTest::newRow("S2 too long, no GS")
        << withField(1, u"S21.2.250.1.213.1.4.100"_s) << u"ins.S2.length"_s;
    QTest::newRow("S2 not an INS OID")
        << withField(1, u"S21.2.250.1.213.1.4.7"_s + GS) << u"ins.oid"_s;
    QTest::newRow("S2 OID with a space")
        << withField(1, u"S21.2.250.1.213.1.4.8 "_s) << u"ins.oid"_s;
    QTest::newRow("S2 missing GS") << withField(1, u"S2"_s + Oid) << u"ins.S2.separator"_s;

    // S3
    QTest::newRow("S3 missing") << withField(2, QString()) << u"ins.S3.missing"_s;
    QTest::newRow("S3 empty") << withField(2, u"S3"_s + GS) << u"ins.S3.length"_s;
    QTest::newRow("S3 too long") << withField(2, u"S3"_s + QString(101, u'A') + GS)
                                 << u"ins.S3.length"_s;
    QTest::newRow("S3 too long, no GS")
        << withField(2, u"S3"_s + QString(101, u'A')) << u"ins.S3.length"_s;
    QTest::newRow("S3 lower case") << withField(2, u"S3Ada"_s + GS) << u"ins.S3.format"_s;
    QTest::newRow("S3 digit") << withField(2, u"S3ADA2"_s + GS) << u"ins.S3.format"_s;
    QTest::newRow("S3 leading space") << withField(2, u"S3 ADA"_s + GS) << u"ins.S3.format"_s;
    QTest::newRow("S3 missing GS") << withField(2, u"S3ADA"_s) << u"ins.S3.separator"_s;

    // S4
    QTest::newRow("S4 missing") << withField(3, QString()) << u"ins.S4.missing"_s;
    QTest::newRow("S4 empty") << withField(3, u"S4"_s + GS) << u"ins.S4.length"_s;
    QTest::newRow("S4 too long") << withField(3, u"S4"_s + QString(101, u'L') + GS)
                                 << u"ins.S4.length"_s;
    QTest::newRow("S4 too long, no GS")
        << withField(3, u"S4"_s + QString(101, u'L')) << u"ins.S4.length"_s;
    QTest::newRow("S4 punctuation") << withField(3, u"S4LOVE.LACE"_s + GS) << u"ins.S4.format"_s;
    QTest::newRow("S4 trailing hyphen")
        << withField(3, u"S4LOVELACE-"_s + GS) << u"ins.S4.format"_s;
    QTest::newRow("S4 missing GS") << withField(3, u"S4LOVELACE"_s) << u"ins.S4.separator"_s;

    // S5
    QTest::newRow("S5 missing") << withField(4, QString()) << u"ins.S5.missing"_s;
    QTest::newRow("S5 empty") << withField(4, u"S5"_s) << u"ins.S5.length"_s;
    QTest::newRow("S5 too long") << withField(4, u"S5FF"_s) << u"ins.S5.length"_s;
    QTest::newRow("S5 unknown") << withField(4, u"S5U"_s) << u"ins.S5.value"_s;
    QTest::newRow("S5 lower case") << withField(4, u"S5f"_s) << u"ins.S5.value"_s;
    QTest::newRow("S5 followed by GS") << withField(4, u"S5F"_s + GS) << u"ins.S5.length"_s;

    // S6
    QTest::newRow("S6 missing") << withField(5, QString()) << u"ins.S6.missing"_s;
    QTest::newRow("S6 too short") << withField(5, u"S61-12-1815"_s) << u"ins.S6.length"_s;
    QTest::newRow("S6 too long") << withField(5, u"S610-12-18150"_s) << u"ins.S6.length"_s;
    QTest::newRow("S6 ISO order") << withField(5, u"S61815-12-10"_s) << u"ins.S6.format"_s;
    QTest::newRow("S6 slashes") << withField(5, u"S610/12/1815"_s) << u"ins.S6.format"_s;
    QTest::newRow("S6 31 February") << withField(5, u"S631-02-2000"_s) << u"ins.S6.date"_s;
    QTest::newRow("S6 29 February 1900") << withField(5, u"S629-02-1900"_s) << u"ins.S6.date"_s;
    QTest::newRow("S6 month 13") << withField(5, u"S601-13-2000"_s) << u"ins.S6.date"_s;
    QTest::newRow("S6 future") << withField(5, u"S6"_s + QDate::currentDate().addDays(2).toString(
                                                             u"dd-MM-yyyy"))
                               << u"ins.S6.future"_s;

    // S7
    QTest::newRow("S7 too short") << withField(6, u"S79910"_s) << u"ins.S7.length"_s;
    QTest::newRow("S7 too long") << withField(6, u"S7991001"_s) << u"ins.trailing"_s;
    QTest::newRow("S7 letters") << withField(6, u"S7ABCDE"_s) << u"cog.format"_s;
    QTest::newRow("S7 department 00") << withField(6, u"S700100"_s) << u"cog.department"_s;
    QTest::newRow("S7 commune 000") << withField(6, u"S775000"_s) << u"cog.commune"_s;
    QTest::newRow("S7 id alone") << withField(6, u"S7"_s) << u"ins.S7.length"_s;

    // Order and what follows the last field
    QStringList swapped = exampleFields();
    swapped.swapItemsAt(2, 3);
    QTest::newRow("S4 before S3") << payload(swapped) << u"ins.S3.missing"_s;
    QTest::newRow("trailing garbage") << QString(example + u"XYZ"_s) << u"ins.trailing"_s;
    QTest::newRow("trailing GS") << QString(example + GS) << u"ins.trailing"_s;
    QTest::newRow("trailing newline") << QString(example + u"\r\n"_s) << u"ins.trailing"_s;
    QTest::newRow("unknown field S8") << QString(example + u"S8X"_s) << u"ins.trailing"_s;
    QTest::newRow("garbage instead of S7") << withField(6, u"XY"_s) << u"ins.trailing"_s;
    QTest::newRow("S7 twice") << QString(example + u"S799100"_s) << u"ins.trailing"_s;
}

void TestInsDataMatrix::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, rule);
    const InsDataMatrix::Result result = InsDataMatrix::parse(text);
    QVERIFY(!result.valid);
    QCOMPARE(result.rule, rule);
    QVERIFY(!result.message.isEmpty());
    // The reason may be shown or logged: it never repeats what the code holds.
    for (const QString& value : {Nir, u"ADA"_s, u"LOVELACE"_s, u"10-12-1815"_s, u"99100"_s,
                                 u"1815"_s, Nir.left(13), Nir.right(2)}) {
        QVERIFY2(!result.message.contains(value),
                 qPrintable(u"message quotes a value: "_s + result.message));
    }
}

void TestInsDataMatrix::roundTrip_data()
{
    QTest::addColumn<InsIdentity>("identity");

    const InsIdentity example = exampleIdentity();
    QTest::newRow("spec example") << example;
    InsIdentity noPlace = example;
    noPlace.birthPlace.clear();
    QTest::newRow("no birth place") << noPlace;
    InsIdentity longest = example;
    longest.oid = u"1.2.250.1.213.1.4.11"_s;
    longest.givenNames = QString(49, u'A') + u' ' + QString(50, u'B');
    longest.familyName = QString(100, u'C');
    QTest::newRow("every variable field at its maximum") << longest;
    InsIdentity shortest = example;
    shortest.givenNames = u"A"_s;
    shortest.familyName = u"B"_s;
    shortest.sex = u"M"_s;
    shortest.matricule = TestSupport::nirWithKey(u"1991299123456"_s);
    shortest.birthDate = QDate(1999, 12, 31);
    QTest::newRow("one-letter names") << shortest;
}

void TestInsDataMatrix::roundTrip()
{
    QFETCH(InsIdentity, identity);
    const QString text = InsDataMatrix::toPayload(identity);
    const InsDataMatrix::Result result = InsDataMatrix::parse(text);
    QVERIFY2(result.valid, qPrintable(result.rule + u": "_s + result.message));
    QVERIFY(result.identity == identity);
    QCOMPARE(InsDataMatrix::toPayload(result.identity), text);
}

void TestInsDataMatrix::toPayloadWritesSeparatorsOnlyAfterShortFields()
{
    QCOMPARE(InsDataMatrix::toPayload(exampleIdentity()), payload(exampleFields()));
    InsIdentity full = exampleIdentity();
    full.oid = u"1.2.250.1.213.1.4.10"_s;
    full.givenNames = QString(100, u'A');
    full.familyName = QString(100, u'B');
    full.birthPlace.clear();
    QCOMPARE(InsDataMatrix::toPayload(full).count(GS), 0);
}

void TestInsDataMatrix::patientJson()
{
    const QJsonObject expected{
        {u"ins"_s, Nir},
        {u"insOid"_s, Oid},
        {u"firstNames"_s, u"ADA"_s},
        {u"birthName"_s, u"LOVELACE"_s},
        {u"sex"_s, u"F"_s},
        {u"birthDate"_s, u"1815-12-10"_s},
        {u"birthPlace"_s, u"99100"_s},
        {u"identityStatus"_s, u"qualified"_s},
    };
    QCOMPARE(InsDataMatrix::patientJson(exampleIdentity()), expected);
    InsIdentity noPlace = exampleIdentity();
    noPlace.birthPlace.clear();
    QVERIFY(!InsDataMatrix::patientJson(noPlace).contains(u"birthPlace"_s));
}

QTEST_GUILESS_MAIN(TestInsDataMatrix)
#include "TestInsDataMatrix.moc"
