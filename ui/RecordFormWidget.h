#pragma once

#include "Problem.h"
#include "RecordFields.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QUuid>
#include <QWidget>
#include <memory>

namespace Ui {
class RecordFormWidget;
}
class QLabel;
class Store;

// The nurse's sampling form: the tube label first, then identity, contact, situation,
// physicians and sampling time, a review page, save. Enter moves to the next field; each
// field is checked when it is left, with the message beside it. What is typed is kept as
// an encrypted draft, so a crash or a lock never loses it.
class RecordFormWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RecordFormWidget(Store& store, QWidget* parent = nullptr);
    ~RecordFormWidget() override;

    // An empty form with its defaults (sampling time now, the site's laboratory), the
    // focus on the tube label.
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

    // A scanned tube label lands in its field, wherever the focus was. After a label was
    // printed here, the scan is the check that the printed label reads back right.
    void setTubeLabel(const QString& label);
    // Prints a new label for this tube and waits for it to be scanned back.
    void printNewLabel();
    QString labelAwaitingScan() const { return m_labelAwaitingScan; }
    // The identity fields whose current, non-empty value differs from `patient` (annex1
    // "patient" keys): what a scanned identity would overwrite.
    QStringList identityChanges(const QJsonObject& patient) const;
    void applyIdentity(const QJsonObject& patient);

    QWidget* fieldWidget(const QString& key) const;
    QString fieldMessage(const QString& key) const;

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
    QWidget* createInput(const RecordField& field);
    QJsonValue inputValue(const FieldWidgets& widgets) const;
    void setInputValue(const FieldWidgets& widgets, const QJsonValue& value);
    // Something was typed: the draft is saved shortly after typing stops.
    void fieldChanged();
    void fieldLeft(const QString& key);
    QList<Problem> currentProblems() const;
    void showProblems();
    void refreshReview();
    void focusNextField(QWidget* from);
    void showReview();
    bool isEmptyField(const FieldWidgets& widgets) const;
    QString keyOfInput(const QObject* input) const;
    void goToPage(int delta);
    void save();
    void discard();
    QString widgetKeyForProblem(const QString& problemField) const;

    std::unique_ptr<Ui::RecordFormWidget> m_ui;
    Store& m_store;
    QList<FieldWidgets> m_fields; // in form order
    QHash<QString, qsizetype> m_fieldIndex;
    QSet<QString> m_visited;
    QTimer m_draftTimer;
    bool m_filling = false; // true while the program, not the user, sets values
    QString m_labelAwaitingScan;
};
