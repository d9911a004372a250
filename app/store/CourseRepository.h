#pragma once

#include "core/Booking.h"
#include "core/Error.h"

#include <QList>

#include <optional>

namespace gymgate {

class Database;

// Courses and their scheduled slots (`course`, `course_slot`).
class CourseRepository {
public:
    explicit CourseRepository(Database &db);

    Result<Course> insertCourse(Course course, qint64 atMs); // empty id -> new UUID
    Status updateCourse(const Course &course, qint64 atMs);
    Result<std::optional<Course>> findCourse(const QString &id) const;
    Result<QList<Course>> listCourses() const; // not deleted, by name
    Status deleteCourse(const QString &id, qint64 atMs);

    Result<CourseSlot> insertSlot(CourseSlot slot, qint64 atMs);
    Status updateSlot(const CourseSlot &slot, qint64 atMs);
    Result<std::optional<CourseSlot>> findSlot(const QString &id) const;
    // Slots starting in [fromMs, toMs), by start; every venue when venueId is empty.
    Result<QList<CourseSlot>> listSlots(const QString &venueId, qint64 fromMs, qint64 toMs) const;
    Status deleteSlot(const QString &id, qint64 atMs);
    // Books (+1) or frees (-1) seats; Conflict when the slot is full (or would go below 0).
    Status adjustBookedCount(const QString &slotId, int delta, qint64 atMs);

private:
    Database &m_db;
};

} // namespace gymgate
