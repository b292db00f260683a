// SPDX-License-Identifier: MIT
#include <ent110/publish/redact.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

const RedactionSubjects k_subjects{"信阳示例机械有限公司", "91411500MA44B7C20X", "张建国",
                                   "0376-6221234"};

std::string zh(std::string_view text) {
  return redact(text, k_subjects, Lang::zh);
}

}  // namespace

TEST_CASE("redact replaces mobile numbers in their usual spellings", "[publish]") {
  CHECK(zh("请拨13812345678咨询") == "请拨[电话已隐去]咨询");
  CHECK(zh("电话 138-1234-5678。") == "电话 [电话已隐去]。");
  CHECK(zh("电话 138 1234 5678") == "电话 [电话已隐去]");
  CHECK(zh("+86 19912345678") == "[电话已隐去]");
  CHECK(zh("+8615912345678") == "[电话已隐去]");
}

TEST_CASE("redact replaces landlines with an area code", "[publish]") {
  CHECK(zh("座机0371-65432100转") == "座机[电话已隐去]转");
  CHECK(zh("010 87654321") == "[电话已隐去]");
  CHECK(zh("075588886666") == "[电话已隐去]");
  CHECK(zh("（0371）6543 2100") == "[电话已隐去]");
  CHECK(zh("(021) 1234-5678") == "[电话已隐去]");
  // Right after another number: the parenthesis and "+86" separate them.
  CHECK(zh("（0185） 9234567（0185） 9234567") == "[电话已隐去][电话已隐去]");
  CHECK(zh("0376-6221235+8613812345678") == "[电话已隐去][电话已隐去]");
}

TEST_CASE("redact replaces 18-character ID numbers and e-mail addresses", "[publish]") {
  CHECK(zh("身份证号41150219800101123X，") == "身份证号[身份证号已隐去]，");
  CHECK(zh("411502198001011234") == "[身份证号已隐去]");
  CHECK(zh("发至 li.ming+tax@example.com.cn。") == "发至 [邮箱已隐去]。");
  CHECK(zh("13812345678@qq.com") == "[邮箱已隐去]");
}

TEST_CASE("redact replaces the enterprise and its registered contact", "[publish]") {
  CHECK(zh("信阳示例机械有限公司的张建国反映") == "某企业的[联系人已隐去]反映");
  CHECK(zh("信用代码91411500MA44B7C20X") == "信用代码[信用代码已隐去]");
  CHECK(zh("联系0376-6221234") == "联系[电话已隐去]");
  CHECK(redact("信阳示例机械有限公司 asked", k_subjects, Lang::en) == "an enterprise asked");
}

TEST_CASE("redact keeps numbers that are not phones or IDs", "[publish]") {
  for (const char* kept :
       {"2025-06-01", "金额 12345678 元", "第 3 条", "1381234567", "138123456789", "12345678901",
        "4115021980010112345", "0371-123456", "user@localhost", "@example.com", "3.14", ""}) {
    CHECK(zh(kept) == kept);
  }
}

TEST_CASE("redact is stable: redacting twice changes nothing more", "[publish]") {
  const std::string once =
      zh("张建国 13812345678 zhang@example.com 411502198001011234 0371-65432100");
  CHECK(zh(once) == once);
  CHECK(once == "[联系人已隐去] [电话已隐去] [邮箱已隐去] [身份证号已隐去] [电话已隐去]");
}

TEST_CASE("redact ignores empty subjects", "[publish]") {
  CHECK(redact("abc 13812345678", RedactionSubjects{}, Lang::en) == "abc [phone withheld]");
}
