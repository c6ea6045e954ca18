#include "CommandArguments.h"

#include "SidepCtlCommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

CommandArguments::CommandArguments(const QStringList& words, const Command& command)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        if (optionsEnded || !word.startsWith(u"--"_s) || word == u"-"_s) {
            m_positional.append(word);
            continue;
        }
        if (word == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        QString name = word.mid(2);
        QString inlineValue;
        const qsizetype equals = name.indexOf(u'=');
        if (equals >= 0) {
            inlineValue = name.mid(equals + 1);
            name = name.left(equals);
        }
        const CommandOption* option = command.option(name);
        if (!option) {
            m_error = QCoreApplication::translate("SidepCtl", "%1 does not take --%2")
                          .arg(command.name(), name);
            return;
        }
        if (option->isFlag()) {
            if (equals >= 0) {
                m_error =
                    QCoreApplication::translate("SidepCtl", "option --%1 takes no value").arg(name);
                return;
            }
            m_flags.insert(name);
        } else if (equals >= 0) {
            m_values.insert(name, inlineValue);
        } else if (i + 1 < words.size()) {
            m_values.insert(name, words.at(++i));
        } else {
            m_error =
                QCoreApplication::translate("SidepCtl", "option --%1 needs a value").arg(name);
            return;
        }
    }
}
