-- The demo learning platform's schema (its own application; the erasure service reads it through
-- the inventory file inventory/learning-platform.json). Every table carries org_id and an index
-- leading with (org_id, id), the shape the inventory does not require but this platform chose.

CREATE TABLE organizations (
    org_id     varchar(36)  PRIMARY KEY, -- the Keycloak organisation id
    name       varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     varchar(36) NOT NULL REFERENCES organizations (org_id),
    user_id    varchar(36) NOT NULL, -- the Keycloak user id
    role       varchar(32) NOT NULL CHECK (role IN ('LEARNER', 'INSTRUCTOR', 'ADMIN')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT memberships_org_user_uk UNIQUE (org_id, user_id)
);
CREATE INDEX memberships_org_id_idx ON memberships (org_id, id);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE courses (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      varchar(36)  NOT NULL REFERENCES organizations (org_id),
    title       varchar(255) NOT NULL,
    description text,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX courses_org_id_idx ON courses (org_id, id);

CREATE TABLE modules (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id    varchar(36)  NOT NULL REFERENCES organizations (org_id),
    course_id bigint       NOT NULL REFERENCES courses (id),
    title     varchar(255) NOT NULL,
    position  integer      NOT NULL CHECK (position >= 0)
);
CREATE INDEX modules_org_id_idx ON modules (org_id, id);
CREATE INDEX modules_course_id_idx ON modules (course_id);

CREATE TABLE lessons (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id    varchar(36)  NOT NULL REFERENCES organizations (org_id),
    module_id bigint       NOT NULL REFERENCES modules (id),
    title     varchar(255) NOT NULL,
    content   text,
    position  integer      NOT NULL CHECK (position >= 0)
);
CREATE INDEX lessons_org_id_idx ON lessons (org_id, id);
CREATE INDEX lessons_module_id_idx ON lessons (module_id);

CREATE TABLE enrollments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        varchar(36) NOT NULL REFERENCES organizations (org_id),
    course_id     bigint      NOT NULL REFERENCES courses (id),
    membership_id bigint      NOT NULL REFERENCES memberships (id),
    enrolled_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT enrollments_course_membership_uk UNIQUE (course_id, membership_id)
);
CREATE INDEX enrollments_org_id_idx ON enrollments (org_id, id);
CREATE INDEX enrollments_membership_id_idx ON enrollments (membership_id);

CREATE TABLE progress (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        varchar(36) NOT NULL REFERENCES organizations (org_id),
    enrollment_id bigint      NOT NULL REFERENCES enrollments (id),
    lesson_id     bigint      NOT NULL REFERENCES lessons (id),
    completed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT progress_enrollment_lesson_uk UNIQUE (enrollment_id, lesson_id)
);
CREATE INDEX progress_org_id_idx ON progress (org_id, id);
CREATE INDEX progress_lesson_id_idx ON progress (lesson_id);

CREATE TABLE assets (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       varchar(36)   NOT NULL REFERENCES organizations (org_id),
    course_id    bigint        NOT NULL REFERENCES courses (id),
    lesson_id    bigint        REFERENCES lessons (id),
    file_path    varchar(1024) NOT NULL UNIQUE, -- relative to the file-store root
    size_bytes   bigint        NOT NULL CHECK (size_bytes >= 0),
    content_type varchar(255)  NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX assets_org_id_idx ON assets (org_id, id);
CREATE INDEX assets_course_id_idx ON assets (course_id);
CREATE INDEX assets_lesson_id_idx ON assets (lesson_id);

-- Onboarding: one row per person (not per membership), naming the organisation they were onboarded
-- into. The row is the person's own: a Detach erasure keeps it and resets what ties it to the
-- organisation (org_id NULL, state PENDING, completed_at NULL), so the person goes through
-- onboarding again; an Erase erasure deletes it with the organisation's rows.
CREATE TABLE onboarding (
    user_id      varchar(36) PRIMARY KEY, -- the Keycloak user id
    org_id       varchar(36) REFERENCES organizations (org_id), -- NULL: not onboarded into any
    state        varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'COMPLETED')),
    completed_at timestamptz,
    CONSTRAINT onboarding_completed_ck CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL))
);
CREATE INDEX onboarding_org_id_idx ON onboarding (org_id, user_id);
