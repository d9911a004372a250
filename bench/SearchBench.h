#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct SearchBenchOptions {
    QString databasePath; // a gym made by gymgate-datagen, with data.key next to it (read only)
    QString keyDir; // folder of data.key; empty = the database's folder
    int iterations = 1000; // values typed (each is several keystrokes)
    int warmup = 50;
    int limit = 50; // rows the desk asks for, as the members page does
    quint64 seed = 1;
};

// Member search as you type (DESIGN §13), as the desk's members page runs it: real member
// names, phone numbers, member numbers and phone endings are typed keystroke by keystroke, and
// every keystroke's SqlMemberDirectory::search() call is one sample.
Result<QJsonObject> runSearchBench(const SearchBenchOptions &options);

} // namespace gymgate
