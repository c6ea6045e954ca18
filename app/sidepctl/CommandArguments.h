#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

// The words of a command line split into options (--name value, --flag) and positional
// words. Options may appear anywhere; "--" ends them. Each command says which options it
// knows, so a typo is an error rather than silently ignored.
class CommandArguments
{
public:
    // valueOptions take the next word as their value; flags stand alone.
    CommandArguments(const QStringList& words, const QSet<QString>& valueOptions,
                     const QSet<QString>& flags);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    bool flag(const QString& name) const { return m_flags.contains(name); }
    bool has(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const { return m_values.value(name); }
    const QStringList& positional() const { return m_positional; }
    QString positional(int index) const { return m_positional.value(index); }

private:
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
    QStringList m_positional;
    QString m_error;
};
