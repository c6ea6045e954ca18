#include "CommandArguments.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

CommandArguments::CommandArguments(const QStringList& words, const QSet<QString>& valueOptions,
                                   const QSet<QString>& flags)
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
        if (flags.contains(name) && equals < 0) {
            m_flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (equals >= 0) {
                m_values.insert(name, inlineValue);
            } else if (i + 1 < words.size()) {
                m_values.insert(name, words.at(++i));
            } else {
                m_error =
                    QCoreApplication::translate("SidepCtl", "option --%1 needs a value").arg(name);
                return;
            }
        } else {
            m_error = QCoreApplication::translate("SidepCtl", "unknown option --%1").arg(name);
            return;
        }
    }
}
