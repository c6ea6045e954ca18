#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// The fields of Annex 1 as the sampling form shows them, in the order a nurse fills them:
// the JSON key of ../shared/spec/annex1.md, the label, the kind of input and the page.
// One table, so that labels, keys, widget names and validation messages stay in step.
struct RecordField
{
    enum class Kind
    {
        Text,
        Choice,      // one of `choices`
        MultiChoice, // several of `choices`
        YesNo,
        Date,     // typed as DD/MM/YYYY or YYYY-MM-DD
        DateTime, // defaults to now
    };
    enum Page
    {
        TubePage,
        IdentityPage,
        ContactPage,
        SituationPage,
        PhysiciansPage,
        SamplingPage,
        ReviewPage,
    };
    struct Choice
    {
        QString value;
        const char* label; // English source text, translated in the "RecordFields" context
    };

    QString key; // "patient.birthName"; address lines are "contact.address.lines.0".."2"
    const char* label;
    Kind kind = Kind::Text;
    Page page = IdentityPage;
    QList<Choice> choices = {};

    QString translatedLabel() const;
    // "patientBirthNameLineEdit": what tests and accessibility tools find it by.
    QString objectName() const;
};

class RecordFields
{
    Q_DECLARE_TR_FUNCTIONS(RecordFields)

public:
    static const QList<RecordField>& all();
    static QString pageTitle(RecordField::Page page);
    // The fields Enter stops at when they are empty: what annex1.md requires (R) or asks
    // for (W). Tab still visits every field; Enter skips what is optional or filled.
    static bool stopsEnter(const QString& key);
    // 0 for the left column of a page, 1 for the right one. Fields are listed column by
    // column, so the tab order reads down the left column, then down the right one.
    static int column(const QString& key);
    // How many characters wide a text field is drawn.
    static int widthInCharacters(const QString& key);
};
