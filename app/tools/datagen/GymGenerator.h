#pragma once

#include "core/Error.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <vector>

#include "DatagenOptions.h"

struct sqlite3;

namespace gymgate {

class Database;
class Progress;

// The site's data key (phone numbers) and the desk's signing key (member codes).
struct SiteKeys {
    FieldCipher cipher;
    SigningKey signingKey;
};

// Builds the whole gym into a new database: catalog, members, cards, codes, bookings, entries;
// then the demo codes file. Returns the one-line summary (counts and elapsed time).
class GymGenerator {
public:
    explicit GymGenerator(const DatagenOptions &options) : m_options(options) { }

    Result<QJsonObject> run();

private:
    Status prepareDatabaseFile() const;
    Result<SiteKeys> loadKeys() const;
    Result<std::unique_ptr<Database>> openForBulkLoad() const;
    Status finishBulkLoad(sqlite3 *db, const std::vector<std::string> &indexes, Progress &progress) const;
    Result<QJsonObject> generate();
    void removeDatabaseFiles() const;

    const DatagenOptions &m_options;
};

} // namespace gymgate
