#pragma once

#include "Problem.h"
#include "RecordFields.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QUuid>
#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class RecordFormWidget;
}
class QFormLayout;
class QLabel;
class Store;

// The nurse's sampling form: the tube label first, then identity, contact, situation,
// physicians and sampling time, a review page to read back to the patient, save. Enter
// moves to the next field; each field is checked when it is left, with the message beside
// it. A patient banner sums up the identity once it is known. What is typed is kept as an
// encrypted draft, so a crash or a lock never loses it. The same form corrects a saved
// record (startAmendment), with a reason.
class RecordFormWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RecordFormWidget(Store& store, QWidget* parent = nullptr);
    ~RecordFormWidget() override;

    // The time the form stamps: the sampling time is the moment the tube is scanned.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // An empty form with its defaults (the site's laboratory, a sampling time that the tube
    // scan will stamp), the focus on the tube label.
    void startNew();
    // The record as the annex1.md JSON keys, from what the widgets hold.
    QJsonObject formJson() const;
    void setFormJson(const QJsonObject& json);
    bool hasInput() const;

    // Fills the form from the signed-in user's draft, if there is one.
    bool restoreDraft();
    void saveDraftNow();
    // Wipes every value from the widgets (the session is locking).
    void clearAll();

    // A scanned tube label lands in its field, wherever the focus was. A label already used
    // at the site is refused at once (colour, sound, the message at the field) and the form
    // stays on the tube. After a label was printed here, the scan is the check that the
    // printed label reads back right. True when the label was taken.
    bool setTubeLabel(const QString& label);
    // Prints a new label for this tube and waits for it to be scanned back.
    void printNewLabel();
    QString labelAwaitingScan() const { return m_labelAwaitingScan; }
    // The identity fields whose current, non-empty value differs from `patient` (annex1
    // "patient" keys): what a scanned identity would overwrite.
    QStringList identityChanges(const QJsonObject& patient) const;
    void applyIdentity(const QJsonObject& patient);

    // Opens a saved record for correction: its values in the form; saving asks a reason and
    // keeps the previous values as a version (RecordStore::amend). False with a message when
    // it cannot be opened.
    [[nodiscard]] bool startAmendment(const QUuid& id, QString* error);
    QUuid amendedRecord() const { return m_amending; }

    QWidget* fieldWidget(const QString& key) const;
    QString fieldMessage(const QString& key) const;
    QString message() const;

Q_SIGNALS:
    void recordSaved(const QUuid& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct FieldWidgets
    {
        const RecordField* field = nullptr;
        QWidget* input = nullptr;
        QLabel* message = nullptr;
    };

    void buildFields();
    QFormLayout* layoutFor(RecordField::Page page, int column) const;
    QWidget* createInput(const RecordField& field);
    QJsonValue inputValue(const FieldWidgets& widgets) const;
    void setInputValue(const FieldWidgets& widgets, const QJsonValue& value);
    // Something was typed: the draft is saved shortly after typing stops, and the last
    // message goes (it was about what came before).
    void fieldChanged();
    void fieldLeft(const QString& key);
    QList<Problem> currentProblems() const;
    void showProblems();
    static void setMessageText(QLabel* message, const QString& text);
    static constexpr int MessageCharacters = 36;
    void refreshReview();
    void refreshBanner();
    void focusNextField(QWidget* from);
    void showReview();
    bool isEmptyField(const FieldWidgets& widgets) const;
    QString keyOfInput(const QObject* input) const;
    void goToPage(int delta);
    void save();
    void discard();
    void setMessage(int tone, const QString& text);
    QString widgetKeyForProblem(const QString& problemField) const;
    // The tube field's value checked at once (format, already used, printed label): true
    // when the form may move on; otherwise the message is at the field and the focus stays.
    bool acceptTube();
    // The usual answers of the situation page with one key.
    void applyUsualSituation();
    // "12 rue des Lilas 75012 Paris" typed on the first address line: the postal code and the
    // town go to their fields, when those are empty.
    void splitAddressLine();
    void stampSamplingTime();

    std::unique_ptr<Ui::RecordFormWidget> m_ui;
    Store& m_store;
    QList<FieldWidgets> m_fields; // in form order
    QHash<QString, qsizetype> m_fieldIndex;
    QSet<QString> m_visited;
    QTimer m_draftTimer;
    bool m_filling = false;            // true while the program, not the user, sets values
    bool m_samplingTimeEdited = false; // the nurse set the time herself: never restamped
    QString m_labelAwaitingScan;
    QUuid m_amending;
    int m_amendingVersion = 0;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTime(); };
};
