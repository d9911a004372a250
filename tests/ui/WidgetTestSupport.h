#pragma once

// Shared by the widget tests: find a window's parts by objectName, as a person finds them by
// their label.

#include <QObject>
#include <QString>

namespace gymgate::test {

// The child named `name`, or null with a warning that names it (the QVERIFY that follows fails).
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

} // namespace gymgate::test
