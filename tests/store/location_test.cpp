// SPDX-License-Identifier: MIT
#include <ent110/store/location.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("is_postgresql_uri: only the two libpq URI schemes name a server", "[store][location]") {
  CHECK(is_postgresql_uri("postgresql://ent110@db/ent110"));
  CHECK(is_postgresql_uri("postgres:///ent110?host=/run/postgresql"));
  CHECK_FALSE(is_postgresql_uri("/var/lib/ent110/ent110.db"));
  CHECK_FALSE(is_postgresql_uri("postgresql.db"));
  CHECK_FALSE(is_postgresql_uri("./postgresql://x"));
}

TEST_CASE("without_password: a printed URI never carries the password", "[store][location]") {
  CHECK(without_password("postgresql://office:s3cret@db.city.example:5432/ent110") ==
        "postgresql://office@db.city.example:5432/ent110");
  CHECK(without_password("postgresql://office@db/ent110?sslmode=require") ==
        "postgresql://office@db/ent110?sslmode=require");
  CHECK(without_password("postgresql:///ent110?host=/tmp&password=x&user=office") ==
        "postgresql:///ent110?host=/tmp&user=office");
  CHECK(without_password("postgresql://db/ent110?password=x") == "postgresql://db/ent110");
  CHECK(without_password("postgresql://u:p@w@db/x") == "postgresql://u@db/x");
  CHECK(without_password("/srv/ent110.db") == "/srv/ent110.db");
}
