#include "MessageBox.h"

#include <QInputDialog>

std::optional<MessageBox::Button> MessageBox::s_nextAnswer;
std::optional<QString> MessageBox::s_nextText;

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons)
{
    if (s_nextAnswer) {
        const Button answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    return Button(
        QMessageBox::question(parent, title, text, QMessageBox::StandardButtons(int(buttons))));
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

QString MessageBox::askText(QWidget* parent, const QString& title, const QString& label)
{
    if (s_nextText) {
        const QString text = *s_nextText;
        s_nextText.reset();
        return text;
    }
    return QInputDialog::getText(parent, title, label).trimmed();
}

void MessageBox::setNextText(const QString& text)
{
    s_nextText = text;
}
