#include "MessageBox.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>

std::optional<MessageBox::Button> MessageBox::s_nextAnswer;
QStringList MessageBox::s_nextTexts;

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons, Button defaultButton)
{
    if (s_nextAnswer) {
        const Button answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    if (!(buttons & defaultButton))
        defaultButton = (buttons & Cancel) ? Cancel : No;
    return Button(QMessageBox::question(parent, title, text,
                                        QMessageBox::StandardButtons(int(buttons)),
                                        QMessageBox::StandardButton(defaultButton)));
}

void MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    if (s_nextAnswer) {
        s_nextAnswer.reset();
        return;
    }
    QMessageBox::information(parent, title, text);
}

void MessageBox::setNextAnswer(Button answer)
{
    s_nextAnswer = answer;
}

std::optional<QString> MessageBox::takeNextText()
{
    if (s_nextTexts.isEmpty())
        return std::nullopt;
    return s_nextTexts.takeFirst();
}

QString MessageBox::askText(QWidget* parent, const QString& title, const QString& label)
{
    if (const auto text = takeNextText())
        return *text;
    return QInputDialog::getText(parent, title, label).trimmed();
}

QString MessageBox::askPassword(QWidget* parent, const QString& title, const QString& label)
{
    if (const auto text = takeNextText())
        return *text;
    return QInputDialog::getText(parent, title, label, QLineEdit::Password);
}

QString MessageBox::openFile(QWidget* parent, const QString& title, const QString& filter)
{
    if (const auto path = takeNextText())
        return *path;
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString MessageBox::saveFile(QWidget* parent, const QString& title, const QString& name,
                             const QString& filter)
{
    if (const auto path = takeNextText())
        return *path;
    return QFileDialog::getSaveFileName(parent, title, name, filter);
}

void MessageBox::setNextText(const QString& text)
{
    s_nextTexts.append(text);
}
