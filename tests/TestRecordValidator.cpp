#include "RecordValidator.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// One change to the valid record: the value at a dotted JSON path is set, or removed when
// the value is undefined.
struct Mutation
{
    QString path;
    QJsonValue value;
};

} // namespace

Q_DECLARE_METATYPE(Mutation)

// Every rule of annex1.md, one row each: a valid record, one change, and exactly the
// problems that change must raise.
class TestRecordValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFixture();
    void rules_data();
    void rules();
    void canonicalValues_data();
    void canonicalValues();
    void reportPdf_data();
    void reportPdf();
    void emptyRecord();
};

namespace {

// A fixed "now" so that no row depends on the day the test runs.
const QDateTime Now = QDateTime::fromString(u"2020-11-10T12:00:00Z"_s, Qt::ISODate);

// The instant `seconds` away from Now, written with the given offset from UTC.
QString at(qint64 seconds, int offsetSeconds = 3600)
{
    return Now.addSecs(seconds).toOffsetFromUtc(offsetSeconds).toString(Qt::ISODate);
}

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

Mutation set(const QString& path, const QJsonValue& value)
{
    return {path, value};
}

Mutation removed(const QString& path)
{
    return {path, QJsonValue(QJsonValue::Undefined)};
}

// The problems a row expects, written "severity field rule" so that lists compare with a
// readable diff.
QString error(const QString& field, const QString& rule)
{
    return u"error "_s + field + u' ' + rule;
}

QString warning(const QString& field, const QString& rule)
{
    return u"warning "_s + field + u' ' + rule;
}

QString describe(const Problem& problem)
{
    return (problem.severity == Problem::Severity::Error ? u"error "_s : u"warning "_s) +
           problem.field + u' ' + problem.rule;
}

QString repeated(QChar c, int count)
{
    return QString(count, c);
}

QJsonObject setPath(QJsonObject object, QStringView path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path.toString());
        else
            object.insert(path.toString(), value);
        return object;
    }
    const QString key = path.left(dot).toString();
    object.insert(key, setPath(object.value(key).toObject(), path.mid(dot + 1), value));
    return object;
}

QJsonValue getPath(const QJsonObject& object, QStringView path)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0)
        return object.value(path.toString());
    return getPath(object.value(path.left(dot).toString()).toObject(), path.mid(dot + 1));
}

// The fixture record with its sampling an hour before Now.
QJsonObject baseJson()
{
    return setPath(TestSupport::validRecordJson(0), u"specimen.collectedAt", at(-Hour));
}

QJsonObject mutated(const QList<Mutation>& mutations)
{
    QJsonObject json = baseJson();
    for (const Mutation& mutation : mutations)
        json = setPath(json, mutation.path, mutation.value);
    return json;
}

// The strings a row puts in the record: none may appear in a message.
void collectStrings(const QJsonValue& value, QStringList* strings)
{
    if (value.isString()) {
        strings->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectStrings(item, strings);
    } else if (value.isObject()) {
        for (const QJsonValue& item : value.toObject())
            collectStrings(item, strings);
    }
}

// The words of annex1.md's vocabularies: not identifying, and messages may list them as the
// allowed values.
bool isVocabulary(const QString& text)
{
    static const QStringList words = {u"provisional"_s,
                                      u"retrieved"_s,
                                      u"validated"_s,
                                      u"qualified"_s,
                                      u"patient"_s,
                                      u"relative"_s,
                                      u"individual"_s,
                                      u"hospitalized"_s,
                                      u"ehpad"_s,
                                      u"prison"_s,
                                      u"collective_other"_s,
                                      u"asymptomatic"_s,
                                      u"very_recent"_s,
                                      u"recent"_s,
                                      u"old"_s,
                                      u"very_old"_s,
                                      u"unknown"_s,
                                      u"fever"_s,
                                      u"cough"_s,
                                      u"sore_throat"_s,
                                      u"anosmia_ageusia"_s,
                                      u"fatigue_pain"_s,
                                      u"diarrhea"_s,
                                      u"breathing"_s,
                                      u"geographic"_s,
                                      u"legal"_s};
    return words.contains(text);
}

// A valid result, validated half an hour before Now.
QList<Mutation> result(const QString& value = u"N"_s)
{
    return {set(u"result.value"_s, value), set(u"result.validatedAt"_s, at(-30 * Minute))};
}

RecordValidator::Options options(bool requireResult = false, const QString& overrideReason = {})
{
    RecordValidator::Options result;
    result.now = Now;
    result.requireResult = requireResult;
    result.identityOverrideReason = overrideReason;
    return result;
}

void addRow(const QByteArray& name, const QList<Mutation>& mutations, const QStringList& expected,
            bool requireResult = false, const QString& overrideReason = {})
{
    QTest::newRow(name.constData()) << mutations << requireResult << overrideReason << expected;
}

// The common case: one path set or removed.
void addRow(const QByteArray& name, const Mutation& mutation, const QStringList& expected)
{
    addRow(name, QList<Mutation>{mutation}, expected);
}

} // namespace

void TestRecordValidator::validFixture()
{
    // The fixture as it is, against the real clock: no problem at all.
    for (int index : {0, 1, 42, 9999}) {
        QList<Problem> problems;
        SamplingRecord record =
            SamplingRecord::fromJson(TestSupport::validRecordJson(index), &problems);
        QVERIFY(problems.isEmpty());
        problems = RecordValidator::validate(&record, RecordValidator::Options());
        QStringList found;
        for (const Problem& problem : std::as_const(problems))
            found.append(describe(problem));
        QCOMPARE(found, QStringList());
    }

    // And the base of every row below: the same record, sampled an hour before Now.
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(baseJson(), &problems);
    QVERIFY(problems.isEmpty());
    problems = RecordValidator::validate(&record, options());
    QStringList found;
    for (const Problem& problem : std::as_const(problems))
        found.append(describe(problem));
    QCOMPARE(found, QStringList());
}

void TestRecordValidator::rules_data()
{
    QTest::addColumn<QList<Mutation>>("mutations");
    QTest::addColumn<bool>("requireResult");
    QTest::addColumn<QString>("overrideReason");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    const QString required = u"required"_s;
    const QString value = u"value"_s;

    // --- Names ------------------------------------------------------------------------
    addRow("birthName removed, no usualName", removed(u"patient.birthName"_s),
           {error(u"patient.birthName"_s, u"required.name"_s)});
    addRow("birthName empty, no usualName", set(u"patient.birthName"_s, u""_s),
           {error(u"patient.birthName"_s, u"required.name"_s)});
    addRow("birthName blank, no usualName", set(u"patient.birthName"_s, u"   "_s),
           {error(u"patient.birthName"_s, u"required.name"_s)});
    addRow("usualName instead of birthName",
           {removed(u"patient.birthName"_s), set(u"patient.usualName"_s, u"Dupont"_s)}, none);
    addRow("usualName and birthName", set(u"patient.usualName"_s, u"Martin-Dupont"_s), none);
    addRow("birthName with accents and apostrophe", set(u"patient.birthName"_s, u"D'Hérouël"_s),
           none);
    addRow("birthName with a digit", set(u"patient.birthName"_s, u"Zorglub2"_s),
           {error(u"patient.birthName"_s, u"name.characters"_s)});
    addRow("birthName 100 letters", set(u"patient.birthName"_s, repeated(u'a', 100)), none);
    addRow("birthName 101 letters", set(u"patient.birthName"_s, repeated(u'a', 101)),
           {error(u"patient.birthName"_s, u"name.length"_s)});
    addRow("usualName with a symbol", set(u"patient.usualName"_s, u"Dupont&Cie"_s),
           {error(u"patient.usualName"_s, u"name.characters"_s)});
    addRow("firstNames removed", removed(u"patient.firstNames"_s),
           {error(u"patient.firstNames"_s, required)});
    addRow("firstNames several", set(u"patient.firstNames"_s, u"Anne Marie Éloïse"_s), none);
    addRow("firstNames with a digit", set(u"patient.firstNames"_s, u"Anne2"_s),
           {error(u"patient.firstNames"_s, u"name.characters"_s)});

    // --- Sex --------------------------------------------------------------------------
    addRow("sex removed", removed(u"patient.sex"_s), {error(u"patient.sex"_s, required)});
    addRow("sex unknown letter", set(u"patient.sex"_s, u"Q"_s), {error(u"patient.sex"_s, value)});
    addRow("sex word", set(u"patient.sex"_s, u"female"_s), {error(u"patient.sex"_s, value)});
    addRow("sex U", set(u"patient.sex"_s, u"U"_s), none);
    addRow("sex lower case f", set(u"patient.sex"_s, u"f"_s), none);

    // --- Birth date -------------------------------------------------------------------
    addRow("birthDate removed", removed(u"patient.birthDate"_s),
           {error(u"patient.birthDate"_s, required)});
    addRow("birthDate French form", set(u"patient.birthDate"_s, u"21/10/1995"_s),
           {error(u"patient.birthDate"_s, u"date.format"_s)});
    addRow("birthDate with time", set(u"patient.birthDate"_s, u"1995-10-21T00:00:00"_s),
           {error(u"patient.birthDate"_s, u"date.format"_s)});
    addRow("birthDate not in calendar", set(u"patient.birthDate"_s, u"1995-02-30"_s),
           {error(u"patient.birthDate"_s, u"date.invalid"_s)});
    addRow("birthDate tomorrow", set(u"patient.birthDate"_s, u"2020-11-11"_s),
           {error(u"patient.birthDate"_s, u"date.future"_s)});
    addRow("birthDate today",
           {set(u"patient.birthDate"_s, u"2020-11-10"_s), removed(u"patient.ins"_s),
            removed(u"patient.insOid"_s)},
           none);
    addRow("birthDate 130 years ago",
           {set(u"patient.birthDate"_s, u"1890-11-10"_s), removed(u"patient.ins"_s),
            removed(u"patient.insOid"_s)},
           none);
    addRow("birthDate over 130 years ago", set(u"patient.birthDate"_s, u"1890-11-09"_s),
           {error(u"patient.birthDate"_s, u"date.age"_s)});

    // --- Birth place ------------------------------------------------------------------
    addRow("birthPlace removed", removed(u"patient.birthPlace"_s), none);
    addRow("birthPlace commune", set(u"patient.birthPlace"_s, u"75056"_s), none);
    addRow("birthPlace Corsica", set(u"patient.birthPlace"_s, u"2A004"_s), none);
    addRow("birthPlace overseas", set(u"patient.birthPlace"_s, u"97411"_s), none);
    addRow("birthPlace 4 characters", set(u"patient.birthPlace"_s, u"7505"_s),
           {error(u"patient.birthPlace"_s, u"cog.length"_s)});
    addRow("birthPlace letters", set(u"patient.birthPlace"_s, u"75ABC"_s),
           {error(u"patient.birthPlace"_s, u"cog.format"_s)});
    addRow("birthPlace department 96", set(u"patient.birthPlace"_s, u"96123"_s),
           {error(u"patient.birthPlace"_s, u"cog.department"_s)});
    addRow("birthPlace country zero", set(u"patient.birthPlace"_s, u"99000"_s),
           {error(u"patient.birthPlace"_s, u"cog.commune"_s)});

    // --- INS ----------------------------------------------------------------------------
    addRow("ins and insOid removed", {removed(u"patient.ins"_s), removed(u"patient.insOid"_s)},
           none);
    addRow("insOid without ins", removed(u"patient.ins"_s),
           {error(u"patient.insOid"_s, u"insOid.withoutIns"_s)});
    addRow("ins without insOid", removed(u"patient.insOid"_s),
           {error(u"patient.insOid"_s, required)});
    addRow("insOid NIA", set(u"patient.insOid"_s, u"1.2.250.1.213.1.4.9"_s), none);
    addRow("insOid test", set(u"patient.insOid"_s, u"1.2.250.1.213.1.4.10"_s), none);
    addRow("insOid demo", set(u"patient.insOid"_s, u"1.2.250.1.213.1.4.11"_s), none);
    addRow("insOid other", set(u"patient.insOid"_s, u"1.2.250.1.213.1.4.12"_s),
           {error(u"patient.insOid"_s, u"ins.oid"_s)});
    addRow("ins grouped", set(u"patient.ins"_s, u"2 95 10 99 126 001 09"_s), none);
    addRow("ins wrong key", set(u"patient.ins"_s, u"295109912600110"_s),
           {error(u"patient.ins"_s, u"nir.key"_s)});
    addRow("ins 14 characters", set(u"patient.ins"_s, u"29510991260010"_s),
           {error(u"patient.ins"_s, u"nir.length"_s)});
    addRow("ins letters", set(u"patient.ins"_s, u"2951099126ABC09"_s),
           {error(u"patient.ins"_s, u"nir.format"_s)});
    addRow("ins sex digit 5", set(u"patient.ins"_s, TestSupport::nirWithKey(u"5951099126001"_s)),
           {error(u"patient.ins"_s, u"nir.sex"_s)});
    addRow("ins month 13", set(u"patient.ins"_s, TestSupport::nirWithKey(u"2951399126001"_s)),
           {error(u"patient.ins"_s, u"nir.month"_s)});
    addRow("ins department 96", set(u"patient.ins"_s, TestSupport::nirWithKey(u"2951096126001"_s)),
           {error(u"patient.ins"_s, u"nir.department"_s)});
    addRow("ins order 000", set(u"patient.ins"_s, TestSupport::nirWithKey(u"2951099126000"_s)),
           {error(u"patient.ins"_s, u"nir.order"_s)});
    addRow("ins NIA of a man",
           {set(u"patient.ins"_s, TestSupport::nirWithKey(u"7951099126001"_s)),
            set(u"patient.insOid"_s, u"1.2.250.1.213.1.4.9"_s), set(u"patient.sex"_s, u"M"_s)},
           none);

    // NIR against sex and birth date: an error, a warning once a reason is given.
    const QString reason = u"checked on the identity card"_s;
    const Mutation male = set(u"patient.sex"_s, u"M"_s);
    const Mutation march = set(u"patient.birthDate"_s, u"1995-03-21"_s);
    const Mutation year1996 = set(u"patient.birthDate"_s, u"1996-10-21"_s);
    addRow("NIR female, sex M", {male}, {error(u"patient.ins"_s, u"nir.sexMismatch"_s)});
    addRow("NIR female, sex M, overridden", {male},
           {warning(u"patient.ins"_s, u"nir.sexMismatch"_s)}, false, reason);
    addRow("NIR female, sex M, blank reason", {male},
           {error(u"patient.ins"_s, u"nir.sexMismatch"_s)}, false, u"  "_s);
    addRow("NIR male, sex F", set(u"patient.ins"_s, TestSupport::nirWithKey(u"1951099126001"_s)),
           {error(u"patient.ins"_s, u"nir.sexMismatch"_s)});
    addRow("NIR, sex U", set(u"patient.sex"_s, u"U"_s), none);
    addRow("NIR October, born in March", {march},
           {error(u"patient.ins"_s, u"nir.monthMismatch"_s)});
    addRow("NIR October, born in March, overridden", {march},
           {warning(u"patient.ins"_s, u"nir.monthMismatch"_s)}, false, reason);
    addRow("NIR 1995, born in 1996", {year1996}, {error(u"patient.ins"_s, u"nir.yearMismatch"_s)});
    addRow("NIR 1995, born in 1996, overridden", {year1996},
           {warning(u"patient.ins"_s, u"nir.yearMismatch"_s)}, false, reason);
    addRow("NIR 1995, born in 1895", {set(u"patient.birthDate"_s, u"1895-10-21"_s)}, none);
    addRow("NIR month 20 carries no month",
           {set(u"patient.ins"_s, TestSupport::nirWithKey(u"2952099126001"_s)), march}, none);
    addRow("NIR month 35 carries no month",
           {set(u"patient.ins"_s, TestSupport::nirWithKey(u"2953599126001"_s)), march}, none);
    addRow("NIR month 99 carries no month",
           {set(u"patient.ins"_s, TestSupport::nirWithKey(u"2959999126001"_s)), march}, none);
    addRow("NIR month 12, born in March",
           {set(u"patient.ins"_s, TestSupport::nirWithKey(u"2951299126001"_s)), march},
           {error(u"patient.ins"_s, u"nir.monthMismatch"_s)});
    addRow("reason without any mismatch", QList<Mutation>{}, none, false, reason);

    // --- Identity status, opening-rights NIR -----------------------------------------------
    addRow("identityStatus qualified", set(u"patient.identityStatus"_s, u"qualified"_s), none);
    // Identity vigilance: "qualified" needs the INS and the five traits (FR Core Patient INS).
    const Mutation qualified = set(u"patient.identityStatus"_s, u"qualified"_s);
    addRow("qualified without INS",
           {qualified, removed(u"patient.ins"_s), removed(u"patient.insOid"_s)},
           {error(u"patient.ins"_s, u"qualified.ins"_s)});
    addRow("qualified without birth place", {qualified, removed(u"patient.birthPlace"_s)},
           {error(u"patient.birthPlace"_s, u"qualified.birthPlace"_s)});
    addRow("qualified with a blank birth place", {qualified, set(u"patient.birthPlace"_s, u""_s)},
           {error(u"patient.birthPlace"_s, u"qualified.birthPlace"_s)});
    addRow("qualified with the usual name only",
           {qualified, removed(u"patient.birthName"_s), set(u"patient.usualName"_s, u"Dupont"_s)},
           {error(u"patient.birthName"_s, u"qualified.birthName"_s)});
    addRow("qualified, born in a commune", {qualified, set(u"patient.birthPlace"_s, u"2A004"_s)},
           none);
    addRow("validated without INS or birth place",
           {set(u"patient.identityStatus"_s, u"validated"_s), removed(u"patient.ins"_s),
            removed(u"patient.insOid"_s), removed(u"patient.birthPlace"_s)},
           none);
    addRow("identityStatus retrieved", set(u"patient.identityStatus"_s, u"retrieved"_s), none);
    addRow("identityStatus validated", set(u"patient.identityStatus"_s, u"validated"_s), none);
    addRow("identityStatus provisional", set(u"patient.identityStatus"_s, u"provisional"_s), none);
    addRow("identityStatus other", set(u"patient.identityStatus"_s, u"certain"_s),
           {error(u"patient.identityStatus"_s, value)});
    addRow("openingRightsNir valid",
           set(u"patient.openingRightsNir"_s, TestSupport::nirWithKey(u"1650375056123"_s)), none);
    addRow("openingRightsNir without ins",
           {set(u"patient.openingRightsNir"_s, TestSupport::nirWithKey(u"1650375056123"_s)),
            removed(u"patient.ins"_s), removed(u"patient.insOid"_s)},
           none);
    addRow("openingRightsNir wrong key", set(u"patient.openingRightsNir"_s, u"165037505612367"_s),
           {error(u"patient.openingRightsNir"_s, u"nir.key"_s)});
    addRow("openingRightsNir short", set(u"patient.openingRightsNir"_s, u"16503750561"_s),
           {error(u"patient.openingRightsNir"_s, u"nir.length"_s)});

    // --- Address ------------------------------------------------------------------------
    const QString line100 = repeated(u'b', 100);
    addRow("address 3 lines",
           set(u"contact.address.lines"_s,
               QJsonArray{u"Bâtiment B"_s, u"12 rue des Lilas"_s, u"Lieu-dit"_s}),
           none);
    addRow("address 4 lines",
           set(u"contact.address.lines"_s,
               QJsonArray{u"Bâtiment B"_s, u"Escalier 2"_s, u"12 rue des Lilas"_s, u"Lieu-dit"_s}),
           {error(u"contact.address.lines"_s, u"lines.count"_s)});
    addRow("address line of 100", set(u"contact.address.lines"_s, QJsonArray{line100}), none);
    addRow("address line of 101",
           set(u"contact.address.lines"_s, QJsonArray{u"12 rue"_s, QString(line100 + u'b')}),
           {error(u"contact.address.lines"_s, u"length"_s)});
    addRow("address lines removed", removed(u"contact.address.lines"_s),
           {warning(u"contact.address.lines"_s, u"recommended"_s)});
    addRow("address lines empty", set(u"contact.address.lines"_s, QJsonArray{}),
           {warning(u"contact.address.lines"_s, u"recommended"_s)});
    addRow("postalCode removed", removed(u"contact.address.postalCode"_s),
           {warning(u"contact.address.postalCode"_s, u"recommended"_s)});
    addRow("city removed", removed(u"contact.address.city"_s),
           {warning(u"contact.address.city"_s, u"recommended"_s)});
    addRow("address removed", removed(u"contact.address"_s),
           {warning(u"contact.address.lines"_s, u"recommended"_s),
            warning(u"contact.address.postalCode"_s, u"recommended"_s),
            warning(u"contact.address.city"_s, u"recommended"_s)});
    addRow("city of 101", set(u"contact.address.city"_s, repeated(u'c', 101)),
           {error(u"contact.address.city"_s, u"length"_s)});
    addRow("postalCode 4 digits", set(u"contact.address.postalCode"_s, u"7501"_s),
           {error(u"contact.address.postalCode"_s, u"postalCode.format"_s)});
    addRow("postalCode letters in France", set(u"contact.address.postalCode"_s, u"SW1A 1AA"_s),
           {error(u"contact.address.postalCode"_s, u"postalCode.format"_s)});
    addRow("postalCode abroad",
           {set(u"contact.address.postalCode"_s, u"SW1A 1AA"_s),
            set(u"contact.address.country"_s, u"GB"_s)},
           none);
    addRow("country FR", set(u"contact.address.country"_s, u"FR"_s), none);
    addRow("country three letters", set(u"contact.address.country"_s, u"FRA"_s),
           {error(u"contact.address.country"_s, u"country.format"_s)});
    addRow("country unknown", set(u"contact.address.country"_s, u"XY"_s),
           {error(u"contact.address.country"_s, u"country.unknown"_s)});

    // --- E-mail and mobile --------------------------------------------------------------
    addRow("email removed", {removed(u"contact.email"_s), removed(u"contact.emailOwner"_s)},
           {warning(u"contact.email"_s, u"recommended"_s)});
    addRow("mobile removed",
           {removed(u"contact.mobilePhone"_s), removed(u"contact.mobilePhoneOwner"_s)},
           {warning(u"contact.mobilePhone"_s, u"recommended"_s)});
    addRow("neither email nor mobile",
           {removed(u"contact.email"_s), removed(u"contact.emailOwner"_s),
            removed(u"contact.mobilePhone"_s), removed(u"contact.mobilePhoneOwner"_s)},
           {warning(u"contact"_s, u"contact.none"_s)});
    addRow("contact removed", removed(u"contact"_s),
           {warning(u"contact"_s, u"contact.none"_s),
            warning(u"contact.address.lines"_s, u"recommended"_s),
            warning(u"contact.address.postalCode"_s, u"recommended"_s),
            warning(u"contact.address.city"_s, u"recommended"_s)});
    addRow("neither, landline only",
           {removed(u"contact.email"_s), removed(u"contact.emailOwner"_s),
            removed(u"contact.mobilePhone"_s), removed(u"contact.mobilePhoneOwner"_s),
            set(u"contact.landlinePhone"_s, u"01 23 45 67 89"_s)},
           {warning(u"contact"_s, u"contact.none"_s)});
    addRow("email without @", set(u"contact.email"_s, u"quixotic.example.org"_s),
           {error(u"contact.email"_s, u"email.format"_s)});
    addRow("email bad domain", set(u"contact.email"_s, u"quixotic@example"_s),
           {error(u"contact.email"_s, u"email.format"_s)});
    addRow("email too long",
           set(u"contact.email"_s,
               QString(u"q@"_s + repeated(u'd', 63) + u'.' + repeated(u'd', 63) + u'.' +
                       repeated(u'd', 63) + u'.' + repeated(u'd', 63) + u".org"_s)),
           {error(u"contact.email"_s, u"email.length"_s)});
    addRow("emailOwner removed", removed(u"contact.emailOwner"_s),
           {error(u"contact.emailOwner"_s, required)});
    addRow("emailOwner relative", set(u"contact.emailOwner"_s, u"relative"_s), none);
    addRow("emailOwner other", set(u"contact.emailOwner"_s, u"neighbour"_s),
           {error(u"contact.emailOwner"_s, value)});
    addRow("mobilePhoneOwner removed", removed(u"contact.mobilePhoneOwner"_s),
           {error(u"contact.mobilePhoneOwner"_s, required)});
    addRow("mobilePhoneOwner relative", set(u"contact.mobilePhoneOwner"_s, u"relative"_s), none);
    addRow("mobilePhoneOwner other", set(u"contact.mobilePhoneOwner"_s, u"employer"_s),
           {error(u"contact.mobilePhoneOwner"_s, value)});
    addRow("mobile 07", set(u"contact.mobilePhone"_s, u"07 12 34 56 78"_s), none);
    addRow("mobile international", set(u"contact.mobilePhone"_s, u"+33 6 12 34 56 78"_s), none);
    addRow("mobile Belgian", set(u"contact.mobilePhone"_s, u"+32 470 12 34 56"_s), none);
    addRow("mobile Réunion", set(u"contact.mobilePhone"_s, u"0692 12 34 56"_s), none);
    addRow("mobile is a landline", set(u"contact.mobilePhone"_s, u"01 23 45 67 89"_s),
           {error(u"contact.mobilePhone"_s, u"phone.notMobile"_s)});
    addRow("mobile without 0", set(u"contact.mobilePhone"_s, u"612345678"_s),
           {error(u"contact.mobilePhone"_s, u"phone.format"_s)});
    addRow("mobile letters", set(u"contact.mobilePhone"_s, u"06 12 AB 56 78"_s),
           {error(u"contact.mobilePhone"_s, u"phone.format"_s)});
    addRow("mobile 9 digits", set(u"contact.mobilePhone"_s, u"06 12 34 56 7"_s),
           {error(u"contact.mobilePhone"_s, u"phone.length"_s)});
    addRow("landline", set(u"contact.landlinePhone"_s, u"01 23 45 67 89"_s), none);
    addRow("landline may be a mobile", set(u"contact.landlinePhone"_s, u"06 98 76 54 32"_s), none);
    addRow("landline letters", set(u"contact.landlinePhone"_s, u"01 AB"_s),
           {error(u"contact.landlinePhone"_s, u"phone.format"_s)});
    addRow("landline too short", set(u"contact.landlinePhone"_s, u"+33 1 23"_s),
           {error(u"contact.landlinePhone"_s, u"phone.length"_s)});

    // --- Residence, health professional, symptoms ------------------------------------------
    addRow("residence removed", removed(u"residence"_s), {error(u"residence"_s, required)});
    addRow("residence empty", set(u"residence"_s, QJsonArray{}), {error(u"residence"_s, required)});
    addRow("residence several",
           set(u"residence"_s,
               QJsonArray{u"hospitalized"_s, u"ehpad"_s, u"prison"_s, u"collective_other"_s}),
           none);
    addRow("residence other", set(u"residence"_s, QJsonArray{u"castle"_s}),
           {error(u"residence"_s, value)});
    addRow("residence twice",
           set(u"residence"_s, QJsonArray{u"individual"_s, u"ehpad"_s, u"individual"_s}),
           {error(u"residence"_s, u"duplicate"_s)});
    addRow("healthProfessional removed", removed(u"healthProfessional"_s),
           {error(u"healthProfessional"_s, required)});
    addRow("healthProfessional true", set(u"healthProfessional"_s, true), none);
    addRow("symptomOnset removed", removed(u"symptomOnset"_s),
           {error(u"symptomOnset"_s, required)});
    addRow("symptomOnset very_recent", set(u"symptomOnset"_s, u"very_recent"_s), none);
    addRow("symptomOnset old", set(u"symptomOnset"_s, u"old"_s), none);
    addRow("symptomOnset very_old", set(u"symptomOnset"_s, u"very_old"_s), none);
    addRow("symptomOnset unknown", set(u"symptomOnset"_s, u"unknown"_s), none);
    addRow("symptomOnset other", set(u"symptomOnset"_s, u"yesterday"_s),
           {error(u"symptomOnset"_s, value)});
    addRow("asymptomatic without symptoms",
           {set(u"symptomOnset"_s, u"asymptomatic"_s), removed(u"symptoms"_s)}, none);
    addRow("asymptomatic with symptoms", set(u"symptomOnset"_s, u"asymptomatic"_s),
           {error(u"symptoms"_s, u"symptoms.asymptomatic"_s)});
    addRow("symptoms removed", removed(u"symptoms"_s), none);
    addRow("symptoms all",
           set(u"symptoms"_s,
               QJsonArray{u"fever"_s, u"cough"_s, u"sore_throat"_s, u"anosmia_ageusia"_s,
                          u"fatigue_pain"_s, u"diarrhea"_s, u"breathing"_s}),
           none);
    addRow("symptoms other", set(u"symptoms"_s, QJsonArray{u"fever"_s, u"headache"_s}),
           {error(u"symptoms"_s, value)});
    addRow("symptoms twice", set(u"symptoms"_s, QJsonArray{u"cough"_s, u"cough"_s}),
           {error(u"symptoms"_s, u"duplicate"_s)});

    // --- Physicians ---------------------------------------------------------------------
    for (const QString& who : {u"prescriber"_s, u"treatingPhysician"_s}) {
        const QByteArray w = who.toLatin1();
        const auto name = [&w](const char* what) -> QByteArray { return w + ' ' + what; };
        const Mutation rpps = set(who + u".rpps"_s, u"10000000017"_s);
        const auto with = [&](const Mutation& mutation) {
            return QList<Mutation>{removed(who), mutation};
        };
        const auto withRpps = [&](const Mutation& mutation) {
            return QList<Mutation>{removed(who), rpps, mutation};
        };
        addRow(name("absent"), with(removed(who)), none);
        addRow(name("rpps only"), with(rpps), none);
        addRow(name("adeli only"), with(set(who + u".adeli"_s, u"751234567"_s)), none);
        addRow(name("adeli Corsica"), with(set(who + u".adeli"_s, u"2A1234567"_s)), none);
        addRow(name("name without id"), with(set(who + u".familyName"_s, u"Durand"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("given name without id"), with(set(who + u".givenName"_s, u"Claire"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("mssante without id"),
               with(set(who + u".mssante"_s, u"durand@medecin.mssante.fr"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("structure name without id"),
               with(set(who + u".structure.name"_s, u"Maison de santé"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("structure address without id"),
               with(set(who + u".structure.address"_s, u"3 rue Haute"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("structure phone without id"),
               with(set(who + u".structure.phone"_s, u"04 95 00 00 00"_s)),
               {error(who + u".rpps"_s, u"physician.id"_s)});
        addRow(name("rpps wrong key"), with(set(who + u".rpps"_s, u"10000000018"_s)),
               {error(who + u".rpps"_s, u"rpps.key"_s)});
        addRow(name("rpps 10 digits"), with(set(who + u".rpps"_s, u"1000000001"_s)),
               {error(who + u".rpps"_s, u"rpps.length"_s)});
        addRow(name("rpps letter"), with(set(who + u".rpps"_s, u"1000000001A"_s)),
               {error(who + u".rpps"_s, u"rpps.format"_s)});
        addRow(name("adeli 8 characters"), with(set(who + u".adeli"_s, u"75123456"_s)),
               {error(who + u".adeli"_s, u"adeli.length"_s)});
        addRow(name("adeli letters"), with(set(who + u".adeli"_s, u"75AB34567"_s)),
               {error(who + u".adeli"_s, u"adeli.format"_s)});
        addRow(name("mssante"), withRpps(set(who + u".mssante"_s, u"durand@medecin.mssante.fr"_s)),
               none);
        addRow(name("mssante not an address"), withRpps(set(who + u".mssante"_s, u"durand-mss"_s)),
               {error(who + u".mssante"_s, u"email.format"_s)});
        addRow(name("structure phone"),
               withRpps(set(who + u".structure.phone"_s, u"04 95 00 00 00"_s)), none);
        addRow(name("structure phone letters"),
               withRpps(set(who + u".structure.phone"_s, u"cabinet"_s)),
               {error(who + u".structure.phone"_s, u"phone.format"_s)});
        addRow(name("familyName of 101"),
               withRpps(set(who + u".familyName"_s, repeated(u'f', 101))),
               {error(who + u".familyName"_s, u"length"_s)});
    }

    // --- Specimen -----------------------------------------------------------------------
    addRow("accession removed", removed(u"specimen.accession"_s),
           {error(u"specimen.accession"_s, required)});
    addRow("accession 4 characters", set(u"specimen.accession"_s, u"A-12"_s), none);
    addRow("accession 3 characters", set(u"specimen.accession"_s, u"A12"_s),
           {error(u"specimen.accession"_s, u"accession.format"_s)});
    addRow("accession 40 characters", set(u"specimen.accession"_s, repeated(u'7', 40)), none);
    addRow("accession 41 characters", set(u"specimen.accession"_s, repeated(u'7', 41)),
           {error(u"specimen.accession"_s, u"accession.format"_s)});
    addRow("accession with inner space and symbols", set(u"specimen.accession"_s, u"AB 12/#~!"_s),
           none);
    addRow("accession with a tab", set(u"specimen.accession"_s, u"AB\t1234"_s),
           {error(u"specimen.accession"_s, u"accession.format"_s)});
    addRow("accession with an accent", set(u"specimen.accession"_s, u"PRÉ-1234"_s),
           {error(u"specimen.accession"_s, u"accession.format"_s)});
    addRow("accession with DEL", set(u"specimen.accession"_s, u"AB\u007f1234"_s),
           {error(u"specimen.accession"_s, u"accession.format"_s)});

    addRow("collectedAt removed", removed(u"specimen.collectedAt"_s),
           {error(u"specimen.collectedAt"_s, required)});
    addRow("collectedAt without offset", set(u"specimen.collectedAt"_s, u"2020-11-10T11:00:00"_s),
           {error(u"specimen.collectedAt"_s, u"datetime.offset"_s)});
    addRow("collectedAt French form", set(u"specimen.collectedAt"_s, u"10/11/2020 11:00"_s),
           {error(u"specimen.collectedAt"_s, u"datetime.format"_s)});
    addRow("collectedAt date only", set(u"specimen.collectedAt"_s, u"2020-11-10"_s),
           {error(u"specimen.collectedAt"_s, u"datetime.format"_s)});
    addRow("collectedAt in UTC", set(u"specimen.collectedAt"_s, at(-Hour, 0)), none);
    addRow("collectedAt in Guadeloupe", set(u"specimen.collectedAt"_s, at(-Hour, -4 * 3600)), none);
    addRow("collectedAt now", set(u"specimen.collectedAt"_s, at(0)), none);
    addRow("collectedAt 4 min ahead", set(u"specimen.collectedAt"_s, at(4 * Minute)), none);
    addRow("collectedAt 5 min ahead", set(u"specimen.collectedAt"_s, at(5 * Minute)), none);
    addRow("collectedAt 5 min 1 s ahead", set(u"specimen.collectedAt"_s, at(5 * Minute + 1)),
           {error(u"specimen.collectedAt"_s, u"datetime.future"_s)});
    addRow("collectedAt tomorrow", set(u"specimen.collectedAt"_s, at(Day)),
           {error(u"specimen.collectedAt"_s, u"datetime.future"_s)});
    addRow("collectedAt 6 days ago", set(u"specimen.collectedAt"_s, at(-6 * Day)), none);
    addRow("collectedAt exactly 7 days ago", set(u"specimen.collectedAt"_s, at(-7 * Day)), none);
    addRow("collectedAt 7 days 2 hours ago",
           set(u"specimen.collectedAt"_s, at(-7 * Day - 2 * Hour)),
           {warning(u"specimen.collectedAt"_s, u"datetime.old"_s)});
    addRow("collectedAt 7 days 11 hours ago, UTC",
           set(u"specimen.collectedAt"_s, at(-7 * Day - 11 * Hour, 0)),
           {warning(u"specimen.collectedAt"_s, u"datetime.old"_s)});
    addRow("collectedAt 8 days ago", set(u"specimen.collectedAt"_s, at(-8 * Day)),
           {warning(u"specimen.collectedAt"_s, u"datetime.old"_s)});
    addRow("collectedAt a year ago", set(u"specimen.collectedAt"_s, at(-365 * Day)),
           {warning(u"specimen.collectedAt"_s, u"datetime.old"_s)});

    addRow("finess removed", removed(u"specimen.finess"_s),
           {error(u"specimen.finess"_s, required)});
    addRow("finess wrong key", set(u"specimen.finess"_s, u"750712185"_s),
           {error(u"specimen.finess"_s, u"finess.key"_s)});
    addRow("finess 8 characters", set(u"specimen.finess"_s, u"75071218"_s),
           {error(u"specimen.finess"_s, u"finess.length"_s)});
    addRow("finess letters", set(u"specimen.finess"_s, u"75071X184"_s),
           {error(u"specimen.finess"_s, u"finess.format"_s)});
    addRow("finessKind legal", set(u"specimen.finessKind"_s, u"legal"_s), none);
    addRow("finessKind geographic", set(u"specimen.finessKind"_s, u"geographic"_s), none);
    addRow("finessKind other", set(u"specimen.finessKind"_s, u"regional"_s),
           {error(u"specimen.finessKind"_s, value)});
    addRow("specimen.type other code", set(u"specimen.type"_s, u"119342007"_s), none);
    addRow("specimen.type 5 digits", set(u"specimen.type"_s, u"12345"_s),
           {error(u"specimen.type"_s, u"snomed.format"_s)});
    addRow("specimen.type 19 digits", set(u"specimen.type"_s, repeated(u'1', 19)),
           {error(u"specimen.type"_s, u"snomed.format"_s)});
    addRow("specimen.type words", set(u"specimen.type"_s, u"nasopharyngeal"_s),
           {error(u"specimen.type"_s, u"snomed.format"_s)});

    // --- Result -------------------------------------------------------------------------
    addRow("result negative", result(u"N"_s), none);
    addRow("result positive", result(u"P"_s), none);
    addRow("result uninterpretable", result(u"I"_s), none);
    addRow("result lower case", result(u"n"_s), none);
    addRow("result other value", result(u"Z"_s), {error(u"result.value"_s, value)});
    addRow("result word", result(u"positive"_s), {error(u"result.value"_s, value)});
    addRow("result without value", set(u"result.validatedAt"_s, at(-30 * Minute)),
           {error(u"result.value"_s, required)});
    addRow("result without validatedAt", set(u"result.value"_s, u"N"_s),
           {error(u"result.validatedAt"_s, required)});
    addRow("result analysis only", set(u"result.analysis"_s, u"94500-6"_s),
           {error(u"result.value"_s, required), error(u"result.validatedAt"_s, required)});
    addRow("requireResult without result", QList<Mutation>{},
           {error(u"result.value"_s, required), error(u"result.validatedAt"_s, required)}, true);
    addRow("requireResult with result", result(), none, true);
    addRow("requireResult, X without reason", result(u"X"_s),
           {error(u"result.nonConformity"_s, required)}, true);
    addRow("analysis antigen", result() << set(u"result.analysis"_s, u"94558-4"_s), none);
    addRow("analysis wrong check digit", result() << set(u"result.analysis"_s, u"94500-7"_s),
           {error(u"result.analysis"_s, u"loinc.key"_s)});
    addRow("analysis not LOINC", result() << set(u"result.analysis"_s, u"PCR"_s),
           {error(u"result.analysis"_s, u"loinc.format"_s)});
    addRow("validatedAt at sampling time", result() << set(u"result.validatedAt"_s, at(-Hour)),
           none);
    addRow("validatedAt before sampling", result() << set(u"result.validatedAt"_s, at(-Hour - 1)),
           {error(u"result.validatedAt"_s, u"validatedAt.beforeSampling"_s)});
    addRow("validatedAt before sampling, other offset",
           result() << set(u"result.validatedAt"_s, at(-2 * Hour, -5 * 3600)),
           {error(u"result.validatedAt"_s, u"validatedAt.beforeSampling"_s)});
    addRow("validatedAt 5 min ahead", result() << set(u"result.validatedAt"_s, at(5 * Minute)),
           none);
    addRow("validatedAt in the future", result() << set(u"result.validatedAt"_s, at(Hour)),
           {error(u"result.validatedAt"_s, u"datetime.future"_s)});
    addRow("validatedAt without offset",
           result() << set(u"result.validatedAt"_s, u"2020-11-10T11:30:00"_s),
           {error(u"result.validatedAt"_s, u"datetime.offset"_s)});
    addRow("validatedAt, collectedAt invalid",
           result() << set(u"specimen.collectedAt"_s, u"2020-11-10"_s),
           {error(u"specimen.collectedAt"_s, u"datetime.format"_s)});
    addRow("non-conform with reason",
           result(u"X"_s) << set(u"result.nonConformity"_s, u"tube cassé"_s), none);
    addRow("non-conform without reason", result(u"X"_s),
           {error(u"result.nonConformity"_s, required)});
    addRow("non-conform with a blank reason",
           result(u"X"_s) << set(u"result.nonConformity"_s, u"   "_s),
           {error(u"result.nonConformity"_s, required)});
    addRow("nonConformity of 500",
           result(u"X"_s) << set(u"result.nonConformity"_s, repeated(u'n', 500)), none);
    addRow("nonConformity of 501",
           result(u"X"_s) << set(u"result.nonConformity"_s, repeated(u'n', 501)),
           {error(u"result.nonConformity"_s, u"length"_s)});

    // --- Activation ---------------------------------------------------------------------
    const Mutation code = set(u"activation.code"_s, u"ABCD-EFGH-1234"_s);
    const Mutation link = set(u"activation.link"_s, u"https://example.org/activate"_s);
    addRow("activation with a positive", result(u"P"_s) << code << link, none);
    addRow("activation with a negative", result(u"N"_s) << code,
           {error(u"activation.code"_s, u"activation.notPositive"_s)});
    addRow("activation with a non-conform",
           result(u"X"_s) << set(u"result.nonConformity"_s, u"tube cassé"_s) << code,
           {error(u"activation.code"_s, u"activation.notPositive"_s)});
    addRow("activation without result", {code},
           {error(u"activation.code"_s, u"activation.notPositive"_s)});
    addRow("activation link only", {link},
           {error(u"activation.code"_s, u"activation.notPositive"_s)});
}

void TestRecordValidator::rules()
{
    QFETCH(QList<Mutation>, mutations);
    QFETCH(bool, requireResult);
    QFETCH(QString, overrideReason);
    QFETCH(QStringList, expected);

    QList<Problem> readProblems;
    SamplingRecord record = SamplingRecord::fromJson(mutated(mutations), &readProblems);
    QVERIFY2(readProblems.isEmpty(), qPrintable(readProblems.value(0).toString()));

    const QList<Problem> problems =
        RecordValidator::validate(&record, options(requireResult, overrideReason));
    QStringList found;
    for (const Problem& problem : problems)
        found.append(describe(problem));
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);

    // Messages say what is wrong without repeating the value, nor any of the record's
    // identifying data.
    QStringList values = TestSupport::identifyingStrings(0);
    for (const Mutation& mutation : std::as_const(mutations))
        collectStrings(mutation.value, &values);
    for (const Problem& problem : problems) {
        QVERIFY2(!problem.message.trimmed().isEmpty(), qPrintable(describe(problem)));
        for (const QString& text : std::as_const(values)) {
            const QString trimmed = text.trimmed();
            if (trimmed.size() >= 2 && !isVocabulary(trimmed)) {
                QVERIFY2(!problem.message.contains(trimmed, Qt::CaseInsensitive),
                         qPrintable(describe(problem) + u": "_s + problem.message));
            }
        }
    }
}

void TestRecordValidator::canonicalValues_data()
{
    QTest::addColumn<QList<Mutation>>("mutations");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("canonical");

    const auto row = [](const char* name, const QList<Mutation>& mutations, const QString& path,
                        const QString& canonical) {
        QTest::newRow(name) << mutations << path << canonical;
    };
    const auto one = [&row](const char* name, const QString& path, const QString& input,
                            const QString& canonical) {
        row(name, {set(path, input)}, path, canonical);
    };

    // Phones in E.164
    one("mobile spaced", u"contact.mobilePhone"_s, u"06 12 34 56 78"_s, u"+33612345678"_s);
    one("mobile dotted", u"contact.mobilePhone"_s, u"07.12.34.56.78"_s, u"+33712345678"_s);
    one("mobile +33 (0)", u"contact.mobilePhone"_s, u"+33 (0)6 12 34 56 78"_s, u"+33612345678"_s);
    one("mobile 0033", u"contact.mobilePhone"_s, u"0033 6 12 34 56 78"_s, u"+33612345678"_s);
    one("mobile Réunion", u"contact.mobilePhone"_s, u"0692 12 34 56"_s, u"+262692123456"_s);
    one("mobile Martinique", u"contact.mobilePhone"_s, u"0696 12 34 56"_s, u"+596696123456"_s);
    one("mobile Belgian", u"contact.mobilePhone"_s, u"+32 470 12 34 56"_s, u"+32470123456"_s);
    one("landline Paris", u"contact.landlinePhone"_s, u"01 23 45 67 89"_s, u"+33123456789"_s);
    one("landline Guyane", u"contact.landlinePhone"_s, u"0594 12 34 56"_s, u"+594594123456"_s);
    one("structure phone", u"prescriber.structure.phone"_s, u"04-95-00-00-00"_s, u"+33495000000"_s);
    one("fixture mobile", u"contact.mobilePhone"_s, u"0612340000"_s, u"+33612340000"_s);

    // Identifiers without separators
    one("ins grouped", u"patient.ins"_s, u"2 95 10 99 126 001 09"_s, u"295109912600109"_s);
    one("openingRightsNir dotted", u"patient.openingRightsNir"_s, u"1.65.03.75.056.123.66"_s,
        u"165037505612366"_s);
    one("rpps spaced", u"prescriber.rpps"_s, u"101 007 103 66"_s, u"10100710366"_s);
    one("finess spaced", u"specimen.finess"_s, u"75 071 218 4"_s, u"750712184"_s);
    one("birthPlace lower-case Corsica", u"patient.birthPlace"_s, u"2a004"_s, u"2A004"_s);
    one("postalCode spaced", u"contact.address.postalCode"_s, u"75 012"_s, u"75012"_s);
    one("country lower case", u"contact.address.country"_s, u"be"_s, u"BE"_s);
    one("email domain lower-cased", u"contact.email"_s, u"Quixotic.Patient0@Example.ORG"_s,
        u"Quixotic.Patient0@example.org"_s);

    // Names, sex, result value
    one("birthName spaces collapsed", u"patient.birthName"_s, u"Le   Gall"_s, u"Le Gall"_s);
    one("sex upper-cased", u"patient.sex"_s, u"f"_s, u"F"_s);
    row("result value upper-cased", result(u"p"_s), u"result.value"_s, u"P"_s);

    // Date-times with their offset, in seconds
    one("collectedAt without seconds", u"specimen.collectedAt"_s, u"2020-11-10T12:00+01:00"_s,
        u"2020-11-10T12:00:00+01:00"_s);
    one("collectedAt in UTC", u"specimen.collectedAt"_s, u"2020-11-10T11:00:00Z"_s,
        u"2020-11-10T11:00:00Z"_s);

    // Defaults
    row("identityStatus default", {}, u"patient.identityStatus"_s, u"provisional"_s);
    row("finessKind default", {}, u"specimen.finessKind"_s, u"geographic"_s);
    row("specimen.type default", {}, u"specimen.type"_s, u"258500001"_s);
    row("analysis default with a result", result(), u"result.analysis"_s, u"94500-6"_s);
    row("no analysis without a result", {}, u"result.analysis"_s, QString());
    one("identityStatus kept", u"patient.identityStatus"_s, u"qualified"_s, u"qualified"_s);
    one("finessKind kept", u"specimen.finessKind"_s, u"legal"_s, u"legal"_s);
}

void TestRecordValidator::canonicalValues()
{
    QFETCH(QList<Mutation>, mutations);
    QFETCH(QString, path);
    QFETCH(QString, canonical);

    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(mutated(mutations), &problems);
    QVERIFY(problems.isEmpty());
    problems = RecordValidator::validate(&record, options());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
    // Written back into the record itself.
    QCOMPARE(getPath(record.toJson(), path).toString(), canonical);

    // Canonical values are stable: validating again changes nothing.
    const QJsonObject once = record.toJson();
    QVERIFY(RecordValidator::validate(&record, options()).isEmpty());
    QCOMPARE(record.toJson(), once);
}

void TestRecordValidator::reportPdf_data()
{
    QTest::addColumn<QByteArray>("report");
    QTest::addColumn<bool>("withResult");
    QTest::addColumn<QStringList>("expected");

    constexpr qsizetype MiB = 1024 * 1024;
    const QByteArray header = "%PDF-1.7\n";
    QTest::newRow("small PDF") << QByteArray("%PDF-1.4\n%%EOF\n") << true << QStringList();
    QTest::newRow("exactly 10 MiB")
        << (header + QByteArray(10 * MiB - header.size(), 'x')) << true << QStringList();
    QTest::newRow("10 MiB and a byte")
        << (header + QByteArray(10 * MiB - header.size() + 1, 'x')) << true
        << QStringList{error(u"result.reportPdf"_s, u"report.size"_s)};
    QTest::newRow("HTML") << QByteArray("<html><body>compte rendu</body></html>") << true
                          << QStringList{error(u"result.reportPdf"_s, u"report.pdf"_s)};
    QTest::newRow("magic without dash")
        << QByteArray("%PDF1.4\n") << true
        << QStringList{error(u"result.reportPdf"_s, u"report.pdf"_s)};
    QTest::newRow("magic not at the start")
        << QByteArray(" %PDF-1.4\n") << true
        << QStringList{error(u"result.reportPdf"_s, u"report.pdf"_s)};
    QTest::newRow("lower-case magic") << QByteArray("%pdf-1.4\n") << true
                                      << QStringList{error(u"result.reportPdf"_s, u"report.pdf"_s)};
    // A report makes a result: its value and validation time are then required.
    QTest::newRow("report without the rest of the result")
        << QByteArray("%PDF-1.4\n%%EOF\n") << false
        << QStringList{error(u"result.value"_s, u"required"_s),
                       error(u"result.validatedAt"_s, u"required"_s)};
}

void TestRecordValidator::reportPdf()
{
    QFETCH(QByteArray, report);
    QFETCH(bool, withResult);
    QFETCH(QStringList, expected);

    QList<Problem> problems;
    SamplingRecord record =
        SamplingRecord::fromJson(mutated(withResult ? result() : QList<Mutation>()), &problems);
    QVERIFY(problems.isEmpty());
    record.result.reportPdf = report;
    problems = RecordValidator::validate(&record, options());
    QStringList found;
    for (const Problem& problem : std::as_const(problems)) {
        found.append(describe(problem));
        QVERIFY(!problem.message.isEmpty());
    }
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);
    QCOMPARE(record.result.reportPdf.size(), report.size()); // never altered
}

void TestRecordValidator::emptyRecord()
{
    // Every problem at once, not only the first.
    SamplingRecord record;
    const QList<Problem> problems = RecordValidator::validate(&record, options());
    QStringList found;
    for (const Problem& problem : problems)
        found.append(describe(problem));
    found.sort();
    QStringList expected = {
        error(u"patient.birthName"_s, u"required.name"_s),
        error(u"patient.firstNames"_s, u"required"_s),
        error(u"patient.sex"_s, u"required"_s),
        error(u"patient.birthDate"_s, u"required"_s),
        error(u"residence"_s, u"required"_s),
        error(u"healthProfessional"_s, u"required"_s),
        error(u"symptomOnset"_s, u"required"_s),
        error(u"specimen.accession"_s, u"required"_s),
        error(u"specimen.collectedAt"_s, u"required"_s),
        error(u"specimen.finess"_s, u"required"_s),
        warning(u"contact"_s, u"contact.none"_s),
        warning(u"contact.address.lines"_s, u"recommended"_s),
        warning(u"contact.address.postalCode"_s, u"recommended"_s),
        warning(u"contact.address.city"_s, u"recommended"_s),
    };
    expected.sort();
    QCOMPARE(found, expected);
    QVERIFY(hasErrors(problems));

    // With requireResult, the R+ fields join them.
    SamplingRecord again;
    QStringList withResult;
    for (const Problem& problem : RecordValidator::validate(&again, options(true, QString())))
        withResult.append(describe(problem));
    withResult.sort();
    expected << error(u"result.value"_s, u"required"_s)
             << error(u"result.validatedAt"_s, u"required"_s);
    expected.sort();
    QCOMPARE(withResult, expected);
}

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "TestRecordValidator.moc"
