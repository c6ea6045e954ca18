#include "Identifiers.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(IdentifierCheck)

// Every check digit below was computed (NIR mod 97, Luhn), not copied from a validator.
class TestIdentifiers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripSeparators_data();
    void stripSeparators();
    void luhn_data();
    void luhn();
    void nir_data();
    void nir();
    void formatNir_data();
    void formatNir();
    void nirConsistency_data();
    void nirConsistency();
    void insOid_data();
    void insOid();
    void rpps_data();
    void rpps();
    void adeli_data();
    void adeli();
    void finess_data();
    void finess();
    void cog_data();
    void cog();
    void loinc_data();
    void loinc();
    void phone_data();
    void phone();
    void mobilePhone_data();
    void mobilePhone();
    void email_data();
    void email();
    void postalCode_data();
    void postalCode();
    void country_data();
    void country();
    void date_data();
    void date();
    void dateTime_data();
    void dateTime();
    void personName_data();
    void personName();
    void messages_data();
    void messages();
    void wrongKeyNeverTellsTheKeyThatWouldPass();
};

namespace {

// The columns of the validator tables: an empty `rule` means the input is valid and the
// validator must return `canonical`.
void addColumns()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("rule");
}

void valid(const char* name, const QString& input, const QString& canonical)
{
    QTest::newRow(name) << input << canonical << QString();
}

void valid(const char* name, const QString& canonicalInput)
{
    valid(name, canonicalInput, canonicalInput);
}

void invalid(const char* name, const QString& input, const QString& rule)
{
    QTest::newRow(name) << input << QString() << rule;
}

void verify(const IdentifierCheck& check, const QString& input, const QString& canonical,
            const QString& rule)
{
    if (rule.isEmpty()) {
        QVERIFY2(check.valid, qPrintable(check.rule + u": "_s + check.message));
        QCOMPARE(check.canonical, canonical);
        QVERIFY(check.rule.isEmpty());
        QVERIFY(check.message.isEmpty());
        return;
    }
    QVERIFY2(!check.valid, qPrintable(u"accepted as "_s + check.canonical));
    QCOMPARE(check.rule, rule);
    QVERIFY(check.canonical.isEmpty());
    QVERIFY(!check.message.isEmpty());
    // Identifying data must never reach a message; a very short input matches any text.
    for (const QString& form : {input.trimmed(), Identifiers::stripSeparators(input)}) {
        if (form.size() >= 3) {
            QVERIFY2(!check.message.contains(form), qPrintable(check.message));
        }
    }
}

void verifyRow(const std::function<IdentifierCheck(const QString&)>& validator)
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, rule);
    verify(validator(input), input, canonical, rule);
}

QString repeated(char16_t c, int count)
{
    return QString(count, QChar(c));
}

} // namespace

void TestIdentifiers::stripSeparators_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("spaces") << u"2 95 10"_s << u"29510"_s;
    QTest::newRow("dots") << u"06.12.34"_s << u"061234"_s;
    QTest::newRow("hyphen") << u"75-001"_s << u"75001"_s;
    QTest::newRow("en dash") << u"2\u201395"_s << u"295"_s;
    QTest::newRow("non-breaking space") << u"06\u00a012"_s << u"0612"_s;
    QTest::newRow("narrow non-breaking space") << u"06\u202f12"_s << u"0612"_s;
    QTest::newRow("tab and newline") << u"\t06 12\n"_s << u"0612"_s;
    QTest::newRow("letters kept") << u"2A 004"_s << u"2A004"_s;
    QTest::newRow("brackets and slashes kept") << u"(0)6/12"_s << u"(0)6/12"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestIdentifiers::stripSeparators()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Identifiers::stripSeparators(input), expected);
}

void TestIdentifiers::luhn_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<int>("checkDigit"); // -1: not a string of digits

    QTest::newRow("classic example") << u"7992739871"_s << 3;
    QTest::newRow("RPPS") << u"1010071036"_s << 6;
    QTest::newRow("RPPS test range") << u"9900000001"_s << 0;
    QTest::newRow("FINESS") << u"75071218"_s << 4;
    QTest::newRow("FINESS 2A as 21") << u"21000001"_s << 4;
    QTest::newRow("LOINC") << u"94500"_s << 6;
    QTest::newRow("leading zeros do not count") << u"0094500"_s << 6;
    QTest::newRow("one digit") << u"1"_s << 8;
    QTest::newRow("zero") << u"0"_s << 0;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("letter") << u"12a"_s << -1;
    QTest::newRow("space") << u"12 3"_s << -1;
}

void TestIdentifiers::luhn()
{
    QFETCH(QString, payload);
    QFETCH(int, checkDigit);
    QCOMPARE(Identifiers::luhnCheckDigit(payload), checkDigit);
    if (checkDigit < 0) {
        QVERIFY(!Identifiers::luhnValid(payload + u'0'));
        return;
    }
    // Exactly one appended digit makes the whole valid.
    for (int digit = 0; digit <= 9; ++digit) {
        QCOMPARE(Identifiers::luhnValid(payload + QString::number(digit)), digit == checkDigit);
    }
}

void TestIdentifiers::nir_data()
{
    addColumns();
    // identifiers.md vectors
    valid("spec born abroad", u"295109912611193"_s);
    invalid("spec wrong key", u"295109912611199"_s, u"nir.key"_s);
    valid("spec Haute-Corse 2B", u"253072B07300470"_s);
    valid("spec Corse-du-Sud 2A", u"253072A07300443"_s);
    invalid("spec 2C", u"253072C07300443"_s, u"nir.format"_s);
    invalid("spec 16 digits", u"2951099126111930"_s, u"nir.length"_s);

    // Typed forms
    valid("grouped", u"2 95 10 99 126 111 93"_s, u"295109912611193"_s);
    valid("dots and dash", u"2.95.10.99.126.111-93"_s, u"295109912611193"_s);
    valid("non-breaking spaces", u"2\u00a095\u00a010\u00a099\u00a0126\u00a0111\u00a093"_s,
          u"295109912611193"_s);
    valid("lower-case 2b", u"253072b07300470"_s, u"253072B07300470"_s);

    // Structures
    valid("male Paris", u"185037505612356"_s);
    valid("foreign-born male 3", u"385039910904527"_s);
    valid("foreign-born female 4", u"492069913407863"_s);
    valid("NIA male 7", u"785039935012385"_s);
    valid("NIA female 8", u"801129921700264"_s);
    valid("overseas 974", u"290079741234566"_s);
    valid("overseas 988", u"170019880100126"_s);
    valid("pseudo-month 20", u"180207505632184"_s);
    valid("pseudo-month 35", u"280351305501256"_s);
    valid("unknown month 50", u"175506912304513"_s);
    valid("unknown month 99", u"201992045678906"_s);
    valid("Corsica before 1976", u"176042000400587"_s);
    valid("order 999", u"185037505699953"_s);
    valid("year 00 abroad", u"100999900100191"_s);

    // Structural failures: the keys are right, only the named part is wrong.
    invalid("empty", QString(), u"nir.length"_s);
    invalid("14 digits", u"29510991261119"_s, u"nir.length"_s);
    invalid("letter in the key", u"2951099126111A3"_s, u"nir.format"_s);
    invalid("letter in the commune", u"29510991A611193"_s, u"nir.format"_s);
    invalid("2A out of the department", u"2A5109912611193"_s, u"nir.format"_s);
    invalid("full-width digits", u"２９５１０９９１２６１１１９３"_s, u"nir.format"_s);
    invalid("sex 0", u"085037505612309"_s, u"nir.sex"_s);
    invalid("sex 5", u"585037505612350"_s, u"nir.sex"_s);
    invalid("sex 9", u"985037505612344"_s, u"nir.sex"_s);
    invalid("month 00", u"185007505612308"_s, u"nir.month"_s);
    invalid("month 13", u"185137505612322"_s, u"nir.month"_s);
    invalid("month 19", u"185197505612321"_s, u"nir.month"_s);
    invalid("month 21", u"185217505612353"_s, u"nir.month"_s);
    invalid("month 30", u"185307505612303"_s, u"nir.month"_s);
    invalid("month 43", u"185437505612317"_s, u"nir.month"_s);
    invalid("month 49", u"185497505612316"_s, u"nir.month"_s);
    invalid("department 00", u"185030005612344"_s, u"nir.department"_s);
    invalid("department 96", u"185039605612371"_s, u"nir.department"_s);
    invalid("order 000", u"185037505600082"_s, u"nir.order"_s);
    invalid("key 00", u"185037505612300"_s, u"nir.key"_s);
    invalid("key 98", u"185037505612398"_s, u"nir.key"_s);
    invalid("2A with the 2B key", u"253072A07300470"_s, u"nir.key"_s);
    invalid("2B with the 2A key", u"253072B07300443"_s, u"nir.key"_s);
}

void TestIdentifiers::nir()
{
    verifyRow(&Identifiers::checkNir);
}

void TestIdentifiers::formatNir_data()
{
    QTest::addColumn<QString>("nir");
    QTest::addColumn<QString>("display");

    QTest::newRow("spec") << u"295109912611193"_s << u"2 95 10 99 126 111 93"_s;
    QTest::newRow("Corsica") << u"253072B07300470"_s << u"2 53 07 2B 073 004 70"_s;
    QTest::newRow("not 15 characters") << u"2951099"_s << u"2951099"_s;
}

void TestIdentifiers::formatNir()
{
    QFETCH(QString, nir);
    QFETCH(QString, display);
    QCOMPARE(Identifiers::formatNir(nir), display);
    if (nir.size() == 15) {
        QCOMPARE(Identifiers::checkNir(display).canonical, nir);
    }
}

void TestIdentifiers::nirConsistency_data()
{
    QTest::addColumn<QString>("nir");
    QTest::addColumn<QString>("sex");
    QTest::addColumn<QDate>("birthDate");
    QTest::addColumn<QString>("rule");

    const QString woman = u"295109912611193"_s; // born October 1995
    QTest::newRow("agrees") << woman << u"F"_s << QDate(1995, 10, 12) << QString();
    QTest::newRow("lower-case sex") << woman << u"f"_s << QDate(1995, 10, 12) << QString();
    QTest::newRow("unknown sex") << woman << u"U"_s << QDate(1995, 10, 12) << QString();
    QTest::newRow("no date") << woman << u"F"_s << QDate() << QString();
    QTest::newRow("other century") << woman << u"F"_s << QDate(1895, 10, 1) << QString();
    QTest::newRow("wrong sex") << woman << u"M"_s << QDate(1995, 10, 12) << u"nir.sexMismatch"_s;
    QTest::newRow("wrong sex, no date") << woman << u"M"_s << QDate() << u"nir.sexMismatch"_s;
    QTest::newRow("wrong year") << woman << u"F"_s << QDate(1996, 10, 12) << u"nir.yearMismatch"_s;
    QTest::newRow("wrong month") << woman << u"F"_s << QDate(1995, 11, 12)
                                 << u"nir.monthMismatch"_s;

    QTest::newRow("NIA 7 male") << u"785039935012385"_s << u"M"_s << QDate(1985, 3, 1) << QString();
    QTest::newRow("NIA 8 female") << u"801129921700264"_s << u"F"_s << QDate(2001, 12, 31)
                                  << QString();
    QTest::newRow("NIA 8 male") << u"801129921700264"_s << u"M"_s << QDate(2001, 12, 31)
                                << u"nir.sexMismatch"_s;
    QTest::newRow("3 male") << u"385039910904527"_s << u"M"_s << QDate(1985, 3, 15) << QString();
    QTest::newRow("4 female") << u"492069913407863"_s << u"F"_s << QDate(1992, 6, 1) << QString();
    QTest::newRow("4 male") << u"492069913407863"_s << u"M"_s << QDate(1992, 6, 1)
                            << u"nir.sexMismatch"_s;
    QTest::newRow("1 female") << u"185037505612356"_s << u"F"_s << QDate(1985, 3, 8)
                              << u"nir.sexMismatch"_s;

    // Pseudo and unknown months say nothing of the real month, but the year still counts.
    QTest::newRow("pseudo-month 20")
        << u"180207505632184"_s << u"M"_s << QDate(1980, 7, 14) << QString();
    QTest::newRow("pseudo-month 35")
        << u"280351305501256"_s << u"F"_s << QDate(1980, 11, 2) << QString();
    QTest::newRow("pseudo-month 35, month 5")
        << u"280351305501256"_s << u"F"_s << QDate(1980, 5, 2) << QString();
    QTest::newRow("pseudo-month 35, wrong year")
        << u"280351305501256"_s << u"F"_s << QDate(1981, 5, 2) << u"nir.yearMismatch"_s;
    QTest::newRow("unknown month 50")
        << u"175506912304513"_s << u"M"_s << QDate(1975, 1, 1) << QString();
    QTest::newRow("unknown month 99")
        << u"201992045678906"_s << u"F"_s << QDate(2001, 8, 30) << QString();
    QTest::newRow("year 00") << u"100999900100191"_s << u"M"_s << QDate(2000, 2, 29) << QString();

    QTest::newRow("wrong key") << u"295109912611199"_s << u"F"_s << QDate(1995, 10, 12)
                               << u"nir.key"_s;
    QTest::newRow("too short") << u"2951099126"_s << u"F"_s << QDate(1995, 10, 12)
                               << u"nir.length"_s;
}

void TestIdentifiers::nirConsistency()
{
    QFETCH(QString, nir);
    QFETCH(QString, sex);
    QFETCH(QDate, birthDate);
    QFETCH(QString, rule);
    verify(Identifiers::checkNirConsistency(nir, sex, birthDate), nir,
           rule.isEmpty() ? nir : QString(), rule);
}

void TestIdentifiers::insOid_data()
{
    addColumns();
    valid("NIR", u"1.2.250.1.213.1.4.8"_s);
    valid("NIA", u"1.2.250.1.213.1.4.9"_s);
    valid("test", u"1.2.250.1.213.1.4.10"_s);
    valid("demonstration", u"1.2.250.1.213.1.4.11"_s);
    valid("surrounding spaces", u" 1.2.250.1.213.1.4.8 "_s, u"1.2.250.1.213.1.4.8"_s);
    invalid("empty", QString(), u"ins.oid"_s);
    invalid("next number", u"1.2.250.1.213.1.4.12"_s, u"ins.oid"_s);
    invalid("parent", u"1.2.250.1.213.1.4"_s, u"ins.oid"_s);
    invalid("child", u"1.2.250.1.213.1.4.8.1"_s, u"ins.oid"_s);
    invalid("other authority", u"2.16.840.1.113883.2.8"_s, u"ins.oid"_s);
}

void TestIdentifiers::insOid()
{
    verifyRow(&Identifiers::checkInsOid);
}

void TestIdentifiers::rpps_data()
{
    addColumns();
    valid("spec", u"10100710366"_s);
    invalid("spec wrong key", u"10100710367"_s, u"rpps.key"_s);
    valid("test number 99", u"99000000010"_s);
    valid("test number 99 bis", u"99123456784"_s);
    valid("round number", u"10000000009"_s);
    valid("sequence", u"12345678903"_s);
    valid("grouped", u"101 007 103 66"_s, u"10100710366"_s);
    valid("trailing space", u"10100710366 "_s, u"10100710366"_s);
    invalid("test number wrong key", u"99000000011"_s, u"rpps.key"_s);
    invalid("test number bis wrong key", u"99123456785"_s, u"rpps.key"_s);
    invalid("transposed digits", u"10010710366"_s, u"rpps.key"_s);
    invalid("empty", QString(), u"rpps.length"_s);
    invalid("10 digits", u"1010071036"_s, u"rpps.length"_s);
    invalid("12 digits", u"101007103660"_s, u"rpps.length"_s);
    invalid("idNat_PS form", u"810100710366"_s, u"rpps.length"_s);
    invalid("letter", u"1010071036A"_s, u"rpps.format"_s);
    invalid("Corsica is no RPPS", u"2A100710366"_s, u"rpps.format"_s);
}

void TestIdentifiers::rpps()
{
    verifyRow(&Identifiers::checkRpps);
}

void TestIdentifiers::adeli_data()
{
    addColumns();
    valid("Paris", u"751012345"_s);
    valid("Ain", u"011234567"_s);
    valid("Corse-du-Sud", u"2A1234567"_s);
    valid("Haute-Corse lower case", u"2b1234567"_s, u"2B1234567"_s);
    valid("grouped", u"75 101 2345"_s, u"751012345"_s);
    invalid("empty", QString(), u"adeli.length"_s);
    invalid("8 characters", u"75101234"_s, u"adeli.length"_s);
    invalid("10 characters", u"7510123456"_s, u"adeli.length"_s);
    invalid("2C", u"2C1234567"_s, u"adeli.format"_s);
    invalid("letter in the number", u"75A012345"_s, u"adeli.format"_s);
    invalid("2A after the first digit", u"02A123456"_s, u"adeli.format"_s);
}

void TestIdentifiers::adeli()
{
    verifyRow(&Identifiers::checkAdeli);
}

void TestIdentifiers::finess_data()
{
    addColumns();
    valid("spec", u"750712184"_s);
    invalid("spec wrong key", u"750712185"_s, u"finess.key"_s);
    valid("Corse-du-Sud", u"2A0000014"_s);
    valid("Haute-Corse", u"2B0000012"_s);
    valid("lower-case 2a", u"2a0000014"_s, u"2A0000014"_s);
    valid("Marseille", u"130783293"_s);
    valid("Réunion", u"970400115"_s);
    valid("Gironde", u"330781238"_s);
    valid("Rhône", u"690781810"_s);
    valid("Ain", u"010000016"_s);
    valid("grouped", u"75 071 218 4"_s, u"750712184"_s);
    invalid("2A wrong key", u"2A0000015"_s, u"finess.key"_s);
    invalid("2B with the 2A key", u"2B0000014"_s, u"finess.key"_s);
    invalid("Réunion wrong key", u"970400116"_s, u"finess.key"_s);
    invalid("empty", QString(), u"finess.length"_s);
    invalid("8 characters", u"75071218"_s, u"finess.length"_s);
    invalid("10 characters", u"7507121845"_s, u"finess.length"_s);
    invalid("2C", u"2C0000014"_s, u"finess.format"_s);
    invalid("letter as key", u"75071218A"_s, u"finess.format"_s);
    invalid("letter inside", u"75A712184"_s, u"finess.format"_s);
}

void TestIdentifiers::finess()
{
    verifyRow(&Identifiers::checkFiness);
}

void TestIdentifiers::cog_data()
{
    addColumns();
    valid("Paris", u"75056"_s);
    valid("Ain", u"01001"_s);
    valid("Marseille", u"13055"_s);
    valid("Ajaccio", u"2A004"_s);
    valid("Bastia lower case", u"2b033"_s, u"2B033"_s);
    valid("Corsica before 1976", u"20004"_s);
    valid("Saint-Denis de La Réunion", u"97411"_s);
    valid("Mamoudzou", u"97611"_s);
    valid("Nouméa", u"98818"_s);
    valid("Germany", u"99109"_s);
    valid("France as a country", u"99100"_s);
    valid("grouped", u"75 056"_s, u"75056"_s);
    invalid("empty", QString(), u"cog.length"_s);
    invalid("4 characters", u"7505"_s, u"cog.length"_s);
    invalid("6 characters", u"750561"_s, u"cog.length"_s);
    invalid("2C", u"2C004"_s, u"cog.format"_s);
    invalid("letter", u"7505A"_s, u"cog.format"_s);
    invalid("department 00", u"00123"_s, u"cog.department"_s);
    invalid("department 96", u"96001"_s, u"cog.department"_s);
    invalid("commune 000", u"2A000"_s, u"cog.commune"_s);
    invalid("overseas commune 00", u"97400"_s, u"cog.commune"_s);
    invalid("country 000", u"99000"_s, u"cog.commune"_s);
}

void TestIdentifiers::cog()
{
    verifyRow(&Identifiers::checkCog);
}

void TestIdentifiers::loinc_data()
{
    addColumns();
    valid("spec RT-PCR", u"94500-6"_s);
    valid("spec antigen", u"94558-4"_s);
    valid("spec 94309", u"94309-2"_s);
    invalid("spec wrong key", u"94500-5"_s, u"loinc.key"_s);
    valid("glucose", u"2345-7"_s);
    valid("hemoglobin", u"718-7"_s);
    valid("HbA1c", u"4548-4"_s);
    valid("SARS-CoV-2 panel", u"94531-1"_s);
    valid("SARS-CoV-2 antibodies", u"94762-2"_s);
    valid("one digit", u"1-8"_s);
    valid("surrounding spaces", u" 94500-6 "_s, u"94500-6"_s);
    invalid("antigen wrong key", u"94558-5"_s, u"loinc.key"_s);
    invalid("hemoglobin wrong key", u"718-8"_s, u"loinc.key"_s);
    invalid("transposed", u"94050-6"_s, u"loinc.key"_s);
    invalid("empty", QString(), u"loinc.format"_s);
    invalid("no dash", u"94500"_s, u"loinc.format"_s);
    invalid("no dash with key", u"945006"_s, u"loinc.format"_s);
    invalid("6 digits", u"123456-7"_s, u"loinc.format"_s);
    invalid("two check digits", u"94500-66"_s, u"loinc.format"_s);
    invalid("no number", u"-6"_s, u"loinc.format"_s);
    invalid("letter", u"9450a-6"_s, u"loinc.format"_s);
    invalid("spaces around the dash", u"94500 - 6"_s, u"loinc.format"_s);
    invalid("en dash", u"94500\u20136"_s, u"loinc.format"_s);
}

void TestIdentifiers::loinc()
{
    verifyRow(&Identifiers::checkLoinc);
}

void TestIdentifiers::phone_data()
{
    addColumns();
    const QString mobile = u"+33612345678"_s;
    valid("spec grouped", u"06 12 34 56 78"_s, mobile);
    valid("spec compact", u"0612345678"_s, mobile);
    valid("spec international", u"+33 6 12 34 56 78"_s, mobile);
    valid("spec 0033", u"0033612345678"_s, mobile);
    valid("dots", u"06.12.34.56.78"_s, mobile);
    valid("dashes", u"06-12-34-56-78"_s, mobile);
    valid("slashes", u"06/12/34/56/78"_s, mobile);
    valid("non-breaking spaces", u"06\u00a012\u00a034\u00a056\u00a078"_s, mobile);
    valid("E.164", mobile);
    valid("0033 grouped", u"0033 6 12 34 56 78"_s, mobile);
    valid("bracketed trunk 0", u"+33 (0)6 12 34 56 78"_s, mobile);
    valid("bracketed trunk 0 compact", u"+33(0)612345678"_s, mobile);
    valid("bracketed trunk 0 after 0033", u"0033 (0)6 12 34 56 78"_s, mobile);
    valid("trunk 0 after +33", u"+33 06 12 34 56 78"_s, mobile);
    valid("07", u"07 12 34 56 78"_s, u"+33712345678"_s);
    valid("landline 01", u"01 23 45 67 89"_s, u"+33123456789"_s);
    valid("landline 05 is not overseas", u"05 56 12 34 56"_s, u"+33556123456"_s);
    valid("09", u"09 87 65 43 21"_s, u"+33987654321"_s);
    valid("freephone", u"08 00 12 34 56"_s, u"+33800123456"_s);

    // Overseas departments' own country codes
    valid("Réunion 0262", u"02 62 12 34 56"_s, u"+262262123456"_s);
    valid("Réunion 0263", u"0263 12 34 56"_s, u"+262263123456"_s);
    valid("Réunion 0692", u"0692 12 34 56"_s, u"+262692123456"_s);
    valid("Réunion 0693", u"0693123456"_s, u"+262693123456"_s);
    valid("Mayotte 0269", u"0269 60 12 34"_s, u"+262269601234"_s);
    valid("Mayotte 0639", u"0639 12 34 56"_s, u"+262639123456"_s);
    valid("Guadeloupe 0590", u"0590 12 34 56"_s, u"+590590123456"_s);
    valid("Guadeloupe 0690", u"0690 12 34 56"_s, u"+590690123456"_s);
    valid("Saint-Martin 0691", u"0691 12 34 56"_s, u"+590691123456"_s);
    valid("Guyane 0594", u"0594 12 34 56"_s, u"+594594123456"_s);
    valid("Guyane 0694", u"0694 12 34 56"_s, u"+594694123456"_s);
    valid("Martinique 0596", u"0596 12 34 56"_s, u"+596596123456"_s);
    valid("Martinique 0696", u"0696 12 34 56"_s, u"+596696123456"_s);
    valid("Martinique 0697", u"0697 12 34 56"_s, u"+596697123456"_s);
    valid("Saint-Pierre 0508", u"05 08 41 12 34"_s, u"+508411234"_s);
    valid("Réunion international", u"+262 692 12 34 56"_s, u"+262692123456"_s);
    valid("Réunion 00262", u"00262692123456"_s, u"+262692123456"_s);

    // Other countries
    valid("Germany", u"+49 30 1234567"_s, u"+49301234567"_s);
    valid("United Kingdom 0044", u"0044 20 7946 0958"_s, u"+442079460958"_s);
    valid("United Kingdom bracketed 0", u"+44 (0)20 7946 0958"_s, u"+442079460958"_s);
    valid("United States", u"+1 (555) 123-4567"_s, u"+15551234567"_s);
    valid("Belgium", u"+32 2 123 45 67"_s, u"+3221234567"_s);
    valid("8 digits", u"+12345678"_s);
    valid("15 digits", u"+123456789012345"_s);

    invalid("empty", QString(), u"phone.format"_s);
    invalid("no trunk 0", u"612345678"_s, u"phone.format"_s);
    invalid("letter", u"06 12 34 56 7A"_s, u"phone.format"_s);
    invalid("plus inside", u"06+12345678"_s, u"phone.format"_s);
    invalid("country code 0", u"+0612345678"_s, u"phone.format"_s);
    invalid("URI", u"tel:0612345678"_s, u"phone.format"_s);
    invalid("9 digits", u"06 12 34 56 7"_s, u"phone.length"_s);
    invalid("11 digits", u"06 12 34 56 78 9"_s, u"phone.length"_s);
    invalid("+33 and 7 digits", u"+33 6 12 34 56"_s, u"phone.length"_s);
    invalid("+33 and 10 digits", u"+33 6 12 34 56 78 9"_s, u"phone.length"_s);
    invalid("bracketed 0 and 8 digits", u"+33 (0)6 12 34 56 7"_s, u"phone.length"_s);
    invalid("7 digits", u"+1234567"_s, u"phone.length"_s);
    invalid("16 digits", u"+1234567890123456"_s, u"phone.length"_s);
    invalid("00 and 2 digits", u"0012"_s, u"phone.length"_s);
}

void TestIdentifiers::phone()
{
    verifyRow([](const QString& input) { return Identifiers::checkPhone(input); });
}

void TestIdentifiers::mobilePhone_data()
{
    addColumns();
    valid("06", u"06 12 34 56 78"_s, u"+33612345678"_s);
    valid("07", u"07 12 34 56 78"_s, u"+33712345678"_s);
    valid("+33 7", u"+33 7 12 34 56 78"_s, u"+33712345678"_s);
    valid("Réunion 0692", u"0692123456"_s, u"+262692123456"_s);
    valid("Réunion 0693", u"0693123456"_s, u"+262693123456"_s);
    valid("Réunion +262 69", u"+262 692 12 34 56"_s, u"+262692123456"_s);
    valid("Mayotte 0639", u"0639123456"_s, u"+262639123456"_s);
    valid("Guadeloupe 0690", u"0690123456"_s, u"+590690123456"_s);
    valid("Saint-Martin 0691", u"0691123456"_s, u"+590691123456"_s);
    valid("Guyane 0694", u"0694123456"_s, u"+594694123456"_s);
    valid("Martinique 0696", u"0696123456"_s, u"+596696123456"_s);
    valid("Martinique 0697", u"0697123456"_s, u"+596697123456"_s);
    // Mobile ranges are checked for France and its overseas departments only.
    valid("German mobile", u"+49 151 12345678"_s, u"+4915112345678"_s);
    valid("British landline", u"+44 20 7946 0958"_s, u"+442079460958"_s);
    valid("Saint-Pierre", u"05 08 41 12 34"_s, u"+508411234"_s);

    invalid("landline 01", u"01 23 45 67 89"_s, u"phone.notMobile"_s);
    invalid("09", u"09 87 65 43 21"_s, u"phone.notMobile"_s);
    invalid("+33 1", u"+33 1 23 45 67 89"_s, u"phone.notMobile"_s);
    invalid("Réunion landline", u"0262123456"_s, u"phone.notMobile"_s);
    invalid("Réunion landline +262", u"+262 262 12 34 56"_s, u"phone.notMobile"_s);
    invalid("Mayotte landline", u"0269601234"_s, u"phone.notMobile"_s);
    invalid("Guadeloupe landline", u"0590123456"_s, u"phone.notMobile"_s);
    invalid("Guadeloupe landline +590", u"+590 590 12 34 56"_s, u"phone.notMobile"_s);
    invalid("Guyane landline", u"0594123456"_s, u"phone.notMobile"_s);
    invalid("Martinique landline", u"0596123456"_s, u"phone.notMobile"_s);
    invalid("too short", u"0612"_s, u"phone.length"_s);
}

void TestIdentifiers::mobilePhone()
{
    verifyRow([](const QString& input) { return Identifiers::checkPhone(input, true); });
}

void TestIdentifiers::email_data()
{
    addColumns();
    valid("simple", u"jean.dupont@example.fr"_s);
    valid("surrounding spaces", u" jean.dupont@example.fr "_s, u"jean.dupont@example.fr"_s);
    valid("domain lower-cased", u"Jean.Dupont@Example.FR"_s, u"Jean.Dupont@example.fr"_s);
    valid("plus", u"jean+covid@example.com"_s);
    valid("apostrophe", u"o'neil@example.co.uk"_s);
    valid("underscore, hyphens", u"j_d-2@sub.domain-x.fr"_s);
    valid("every atext symbol", u"!#$%&'*+-/=?^_`{|}~@example.org"_s);
    valid("quoted with space", u"\"jean dupont\"@example.fr"_s);
    valid("quoted with @", u"\"a@b\"@example.fr"_s);
    valid("quoted with escaped quote", u"\"jean\\\"d\"@example.fr"_s);
    valid("short", u"x@a.io"_s);
    valid("digits in domain", u"user@123mail.fr"_s);
    const QString longLocal = repeated(u'a', 64);
    valid("local part of 64", longLocal + u"@example.fr"_s);
    // 64 + 1 + 189 = 254 characters
    const QString longDomain =
        repeated(u'b', 63) + u'.' + repeated(u'c', 63) + u'.' + repeated(u'd', 58) + u".fr"_s;
    valid("254 characters", longLocal + u'@' + longDomain);

    invalid("empty", QString(), u"email.format"_s);
    invalid("no @", u"jean.dupont"_s, u"email.format"_s);
    invalid("no dot in domain", u"jean.dupont@localhost"_s, u"email.format"_s);
    invalid("double dot", u"jean..dupont@example.fr"_s, u"email.format"_s);
    invalid("leading dot", u".jean@example.fr"_s, u"email.format"_s);
    invalid("trailing dot", u"jean.@example.fr"_s, u"email.format"_s);
    invalid("two @", u"jean@@example.fr"_s, u"email.format"_s);
    invalid("empty local part", u"@example.fr"_s, u"email.format"_s);
    invalid("empty domain", u"jean@"_s, u"email.format"_s);
    invalid("space in local part", u"jean dupont@example.fr"_s, u"email.format"_s);
    invalid("space in domain", u"jean@exa mple.fr"_s, u"email.format"_s);
    invalid("comma", u"jean,dupont@example.fr"_s, u"email.format"_s);
    invalid("comment", u"jean(x)@example.fr"_s, u"email.format"_s);
    invalid("accent in local part", u"jéan@example.fr"_s, u"email.format"_s);
    invalid("accent in domain", u"jean@exämple.fr"_s, u"email.format"_s);
    invalid("unterminated quote", u"\"jean@example.fr"_s, u"email.format"_s);
    invalid("bare quote inside", u"\"je\"an\"@example.fr"_s, u"email.format"_s);
    invalid("leading hyphen label", u"jean@-example.fr"_s, u"email.format"_s);
    invalid("trailing hyphen label", u"jean@example-.fr"_s, u"email.format"_s);
    invalid("empty label", u"jean@example..fr"_s, u"email.format"_s);
    invalid("leading dot domain", u"jean@.example.fr"_s, u"email.format"_s);
    invalid("trailing dot domain", u"jean@example.fr."_s, u"email.format"_s);
    invalid("underscore in domain", u"jean@example_fr.com"_s, u"email.format"_s);
    invalid("domain literal", u"jean@[192.0.2.1]"_s, u"email.format"_s);
    invalid("label of 64", u"jean@"_s + repeated(u'b', 64) + u".fr"_s, u"email.format"_s);
    invalid("local part of 65", repeated(u'a', 65) + u"@example.fr"_s, u"email.length"_s);
    invalid("255 characters", longLocal + u'@' + longDomain + u'x', u"email.length"_s);
}

void TestIdentifiers::email()
{
    verifyRow(&Identifiers::checkEmail);
}

void TestIdentifiers::postalCode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("rule");

    const QString format = u"postalCode.format"_s;
    QTest::newRow("Paris, no country") << u"75001"_s << QString() << u"75001"_s << QString();
    QTest::newRow("Paris, FR") << u"75001"_s << u"FR"_s << u"75001"_s << QString();
    QTest::newRow("Ajaccio, fr") << u"20000"_s << u"fr"_s << u"20000"_s << QString();
    QTest::newRow("Ain") << u"01000"_s << QString() << u"01000"_s << QString();
    QTest::newRow("Réunion") << u"97400"_s << QString() << u"97400"_s << QString();
    QTest::newRow("Nouméa") << u"98800"_s << QString() << u"98800"_s << QString();
    QTest::newRow("grouped") << u"75 001"_s << QString() << u"75001"_s << QString();
    QTest::newRow("surrounding spaces") << u" 13008 "_s << u"FR"_s << u"13008"_s << QString();
    QTest::newRow("4 digits") << u"7500"_s << QString() << QString() << format;
    QTest::newRow("6 digits") << u"750011"_s << u"FR"_s << QString() << format;
    QTest::newRow("letter") << u"7500A"_s << QString() << QString() << format;
    QTest::newRow("department 00") << u"00100"_s << QString() << QString() << format;
    QTest::newRow("empty") << QString() << QString() << QString() << format;
    QTest::newRow("British rule for France") << u"SW1A 1AA"_s << u"FR"_s << QString() << format;

    QTest::newRow("United Kingdom") << u"SW1A 1AA"_s << u"GB"_s << u"SW1A 1AA"_s << QString();
    QTest::newRow("United Kingdom typed")
        << u" sw1a  1aa"_s << u"gb"_s << u"SW1A 1AA"_s << QString();
    QTest::newRow("Germany") << u"10115"_s << u"DE"_s << u"10115"_s << QString();
    QTest::newRow("Canada") << u"K1A 0B1"_s << u"CA"_s << u"K1A 0B1"_s << QString();
    QTest::newRow("Belgium") << u"1000"_s << u"BE"_s << u"1000"_s << QString();
    QTest::newRow("Poland") << u"00-950"_s << u"PL"_s << u"00-950"_s << QString();
    QTest::newRow("Ireland") << u"D02 X285"_s << u"IE"_s << u"D02 X285"_s << QString();
    QTest::newRow("foreign 1 character") << u"1"_s << u"DE"_s << QString() << format;
    QTest::newRow("foreign 11 characters") << u"12345678901"_s << u"DE"_s << QString() << format;
    QTest::newRow("foreign symbol") << u"75#01"_s << u"DE"_s << QString() << format;
    QTest::newRow("foreign underscore") << u"SW1A_1AA"_s << u"GB"_s << QString() << format;
    QTest::newRow("foreign empty") << QString() << u"DE"_s << QString() << format;
}

void TestIdentifiers::postalCode()
{
    QFETCH(QString, input);
    QFETCH(QString, country);
    QFETCH(QString, canonical);
    QFETCH(QString, rule);
    verify(Identifiers::checkPostalCode(input, country), input, canonical, rule);
}

void TestIdentifiers::country_data()
{
    addColumns();
    valid("France", u"FR"_s);
    valid("lower case", u"fr"_s, u"FR"_s);
    valid("surrounding spaces", u" de "_s, u"DE"_s);
    valid("Guadeloupe", u"GP"_s);
    valid("Réunion", u"RE"_s);
    valid("United States", u"US"_s);
    valid("Antarctica", u"AQ"_s);
    invalid("empty", QString(), u"country.format"_s);
    invalid("one letter", u"F"_s, u"country.format"_s);
    invalid("alpha-3", u"FRA"_s, u"country.format"_s);
    invalid("digits", u"12"_s, u"country.format"_s);
    invalid("letter and digit", u"F1"_s, u"country.format"_s);
    invalid("accented letter", u"FÉ"_s, u"country.format"_s);
    invalid("unassigned XX", u"XX"_s, u"country.unknown"_s);
    invalid("unassigned AA", u"AA"_s, u"country.unknown"_s);
    invalid("UK is GB", u"UK"_s, u"country.unknown"_s);
    invalid("European Union", u"EU"_s, u"country.unknown"_s);
    invalid("Outlying Oceania", u"QO"_s, u"country.unknown"_s);
    invalid("Canary Islands", u"IC"_s, u"country.unknown"_s);
}

void TestIdentifiers::country()
{
    verifyRow(&Identifiers::checkCountry);
}

void TestIdentifiers::date_data()
{
    addColumns();
    valid("ordinary", u"2020-05-05"_s);
    valid("29 February 2020", u"2020-02-29"_s);
    valid("29 February 2000", u"2000-02-29"_s);
    valid("29 February 2024", u"2024-02-29"_s);
    valid("28 February 1900", u"1900-02-28"_s);
    valid("end of year", u"2020-12-31"_s);
    valid("surrounding spaces", u" 2020-05-05 "_s, u"2020-05-05"_s);
    invalid("29 February 2021", u"2021-02-29"_s, u"date.invalid"_s);
    invalid("29 February 2023", u"2023-02-29"_s, u"date.invalid"_s);
    invalid("29 February 1900", u"1900-02-29"_s, u"date.invalid"_s);
    invalid("29 February 2100", u"2100-02-29"_s, u"date.invalid"_s);
    invalid("month 13", u"2020-13-01"_s, u"date.invalid"_s);
    invalid("month 00", u"2020-00-10"_s, u"date.invalid"_s);
    invalid("31 April", u"2020-04-31"_s, u"date.invalid"_s);
    invalid("day 00", u"2020-05-00"_s, u"date.invalid"_s);
    invalid("day 32", u"2020-05-32"_s, u"date.invalid"_s);
    invalid("year 0", u"0000-01-01"_s, u"date.invalid"_s);
    invalid("empty", QString(), u"date.format"_s);
    invalid("basic format", u"20200505"_s, u"date.format"_s);
    invalid("one-digit parts", u"2020-5-5"_s, u"date.format"_s);
    invalid("French order", u"05/05/2020"_s, u"date.format"_s);
    invalid("slashes", u"2020/05/05"_s, u"date.format"_s);
    invalid("with a time", u"2020-05-05T10:00:00Z"_s, u"date.format"_s);
    invalid("Arabic-Indic digits", u"٢٠٢٠-٠٥-٠٥"_s, u"date.format"_s);
}

void TestIdentifiers::date()
{
    verifyRow(&Identifiers::checkDate);
}

void TestIdentifiers::dateTime_data()
{
    addColumns();
    valid("UTC", u"2020-05-05T10:30:00Z"_s);
    valid("Paris summer time", u"2020-05-05T10:30:00+02:00"_s);
    valid("negative offset", u"2020-05-05T10:30:00-05:00"_s);
    valid("half-hour offset", u"2020-05-05T10:30:00-03:30"_s);
    valid("largest offset", u"2020-05-05T10:30:00+14:00"_s);
    valid("smallest offset", u"2020-05-05T10:30:00-12:00"_s);
    valid("milliseconds dropped", u"2020-05-05T10:30:00.123+02:00"_s,
          u"2020-05-05T10:30:00+02:00"_s);
    valid("microseconds dropped", u"2020-05-05T10:30:00.123456Z"_s, u"2020-05-05T10:30:00Z"_s);
    valid("no seconds", u"2020-05-05T10:30Z"_s, u"2020-05-05T10:30:00Z"_s);
    valid("+00:00 is Z", u"2020-05-05T10:30:00+00:00"_s, u"2020-05-05T10:30:00Z"_s);
    valid("29 February", u"2020-02-29T23:59:59+01:00"_s);
    valid("surrounding spaces", u" 2020-05-05T10:30:00Z "_s, u"2020-05-05T10:30:00Z"_s);
    invalid("local time", u"2020-05-05T10:30:00"_s, u"datetime.offset"_s);
    invalid("local time without seconds", u"2020-05-05T10:30"_s, u"datetime.offset"_s);
    invalid("local time with milliseconds", u"2020-05-05T10:30:00.123"_s, u"datetime.offset"_s);
    invalid("offset +15:00", u"2020-05-05T10:30:00+15:00"_s, u"datetime.offset"_s);
    invalid("offset -13:00", u"2020-05-05T10:30:00-13:00"_s, u"datetime.offset"_s);
    invalid("empty", QString(), u"datetime.format"_s);
    invalid("date only", u"2020-05-05"_s, u"datetime.format"_s);
    invalid("space separator", u"2020-05-05 10:30:00+02:00"_s, u"datetime.format"_s);
    invalid("offset without colon", u"2020-05-05T10:30:00+0200"_s, u"datetime.format"_s);
    invalid("one-digit offset", u"2020-05-05T10:30:00+2:00"_s, u"datetime.format"_s);
    invalid("lower-case z", u"2020-05-05T10:30:00z"_s, u"datetime.format"_s);
    invalid("French order", u"05/05/2020 10:30"_s, u"datetime.format"_s);
    invalid("29 February 2021", u"2021-02-29T10:00:00Z"_s, u"datetime.invalid"_s);
    invalid("hour 25", u"2020-05-05T25:00:00Z"_s, u"datetime.invalid"_s);
    invalid("minute 60", u"2020-05-05T10:60:00Z"_s, u"datetime.invalid"_s);
    invalid("leap second", u"2020-05-05T23:59:60Z"_s, u"datetime.invalid"_s);
}

void TestIdentifiers::dateTime()
{
    verifyRow(&Identifiers::checkDateTime);
}

void TestIdentifiers::personName_data()
{
    addColumns();
    valid("simple", u"Dupont"_s);
    valid("one letter", u"A"_s);
    valid("hyphen", u"Jean-Pierre"_s);
    valid("apostrophe", u"N'Diaye"_s);
    valid("typographic apostrophe", u"D’Artagnan"_s);
    valid("leading apostrophe", u"'t Hooft"_s);
    valid("accents", u"Élodie Müller"_s);
    valid("Polish", u"Łukasz"_s);
    valid("Czech", u"Dvořák"_s);
    valid("Vietnamese", u"Nguyễn Ngọc"_s);
    valid("Greek", u"Παπαδόπουλος"_s);
    valid("Chinese", u"李小龍"_s);
    valid("decomposed accent", u"E\u0301lodie"_s, u"Élodie"_s);
    valid("spaces collapsed", u"  Marie   Anne  "_s, u"Marie Anne"_s);
    valid("tab", u"Jean\tPierre"_s, u"Jean Pierre"_s);
    valid("100 letters", repeated(u'a', 100));
    invalid("empty", QString(), u"name.length"_s);
    invalid("spaces only", u"   "_s, u"name.length"_s);
    invalid("101 letters", repeated(u'a', 101), u"name.length"_s);
    invalid("digit", u"Dupont2"_s, u"name.characters"_s);
    invalid("underscore", u"Jean_Pierre"_s, u"name.characters"_s);
    invalid("dot", u"Marie.Anne"_s, u"name.characters"_s);
    invalid("comma", u"Jean, Pierre"_s, u"name.characters"_s);
    invalid("exclamation", u"Dupont!"_s, u"name.characters"_s);
    invalid("slash", u"Jean/Pierre"_s, u"name.characters"_s);
    invalid("emoji", u"Jean😀"_s, u"name.characters"_s);
    invalid("no letter", u"' -"_s, u"name.characters"_s);
}

void TestIdentifiers::personName()
{
    verifyRow(&Identifiers::checkPersonName);
}

// The exact English texts of the key and length messages.
void TestIdentifiers::messages_data()
{
    QTest::addColumn<IdentifierCheck>("check");
    QTest::addColumn<QString>("message");

    const QString nirKey =
        u"the NIR is wrong (its key does not match): read the whole number again from the "
        "patient's card"_s;
    QTest::newRow("NIR key") << Identifiers::checkNir(u"295109912611199"_s) << nirKey;
    QTest::newRow("NIR key below 10") << Identifiers::checkNir(u"201992045678907"_s) << nirKey;
    QTest::newRow("NIR length") << Identifiers::checkNir(u"2951099126111930"_s)
                                << u"NIR must have 15 characters, not 16"_s;
    const auto keyMessage = [](const QString& name) {
        return u"the %1 is wrong (its check key does not match): read the number again from "
               "the document"_s.arg(name);
    };
    QTest::newRow("RPPS key") << Identifiers::checkRpps(u"10100710367"_s) << keyMessage(u"RPPS"_s);
    QTest::newRow("FINESS key") << Identifiers::checkFiness(u"750712185"_s)
                                << keyMessage(u"FINESS"_s);
    QTest::newRow("FINESS 2B key")
        << Identifiers::checkFiness(u"2B0000014"_s) << keyMessage(u"FINESS"_s);
    QTest::newRow("LOINC key") << Identifiers::checkLoinc(u"94500-5"_s) << keyMessage(u"LOINC"_s);
    QTest::newRow("RPPS format") << Identifiers::checkRpps(u"1010071036A"_s)
                                 << u"RPPS may contain only digits"_s;
    QTest::newRow("FINESS format") << Identifiers::checkFiness(u"75A712184"_s)
                                   << u"FINESS may contain only digits, and 2A or 2B for Corsica"_s;
    QTest::newRow("phone length") << Identifiers::checkPhone(u"061234567"_s)
                                  << u"a French phone number has 10 digits, not 9"_s;
}

void TestIdentifiers::messages()
{
    QFETCH(IdentifierCheck, check);
    QFETCH(QString, message);
    QVERIFY(!check.valid);
    QCOMPARE(check.message, message);
}

// Told the key that would pass, a person types it, and a mistyped number becomes someone
// else's valid number: no digit of the right key appears in the message.
void TestIdentifiers::wrongKeyNeverTellsTheKeyThatWouldPass()
{
    const QString first13 = u"2951099126111"_s;
    const QString right = TestSupport::nirWithKey(first13);
    for (int key = 1; key <= 97; ++key) {
        const QString typed = first13 + u"%1"_s.arg(key, 2, 10, QLatin1Char('0'));
        if (typed == right)
            continue;
        const IdentifierCheck check = Identifiers::checkNir(typed);
        QVERIFY(!check.valid);
        QCOMPARE(check.rule, u"nir.key"_s);
        QVERIFY2(!check.message.contains(right.right(2)), qPrintable(check.message));
        QVERIFY2(!check.message.contains(QRegularExpression(u"[0-9]"_s)),
                 qPrintable(check.message));
    }
    for (const IdentifierCheck& check :
         {Identifiers::checkRpps(u"10100710367"_s), Identifiers::checkFiness(u"750712185"_s),
          Identifiers::checkLoinc(u"94500-5"_s)}) {
        QVERIFY(!check.valid);
        QVERIFY2(!check.message.contains(QRegularExpression(u"[0-9]"_s)),
                 qPrintable(check.message));
    }
}

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "TestIdentifiers.moc"
