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

// The child named `name`; stops the test program when there is none (for tests that use the
// widget at once, where a null pointer would only crash later and say less).
template<typename T>
T *requiredChild(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace gymgate::test
