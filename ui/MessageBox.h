#pragma once

#include <QMessageBox>
#include <QStringList>
#include <optional>

// The one way the workstation asks a modal question, so that tests can answer it in
// advance (setNextAnswer) instead of a dialog blocking the test.
class MessageBox
{
public:
    enum Button
    {
        Ok = QMessageBox::Ok,
        Cancel = QMessageBox::Cancel,
        Yes = QMessageBox::Yes,
        No = QMessageBox::No,
        Discard = QMessageBox::Discard,
    };
    Q_DECLARE_FLAGS(Buttons, Button)

    // `defaultButton` is what Enter answers: always the harmless answer (No, Cancel).
    static Button question(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = Buttons(Yes) | No, Button defaultButton = No);
    static void information(QWidget* parent, const QString& title, const QString& text);
    // Asks for a line of text (a reason). Empty when the user cancels.
    static QString askText(QWidget* parent, const QString& title, const QString& label);
    // Asks for a password or passphrase, not echoed. Empty when the user cancels or
    // leaves it empty.
    static QString askPassword(QWidget* parent, const QString& title, const QString& label);
    // Asks for a file to read. Empty when the user cancels.
    static QString openFile(QWidget* parent, const QString& title, const QString& filter);
    // Asks where to write a file. Empty when the user cancels.
    static QString saveFile(QWidget* parent, const QString& title, const QString& name,
                            const QString& filter);

    // For tests: the next question returns this without showing anything.
    static void setNextAnswer(Button answer);
    // Texts, passwords and file names are answered in the order given.
    static void setNextText(const QString& text);
    static void setNextFile(const QString& path) { setNextText(path); }

private:
    static std::optional<QString> takeNextText();

    static std::optional<Button> s_nextAnswer;
    static QStringList s_nextTexts;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MessageBox::Buttons)
