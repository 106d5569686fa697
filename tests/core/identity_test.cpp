#include "core_fixture.h"

#include "auth/password.h"

#include <sodium.h>

using namespace fd;
using namespace fd::testing;

namespace {
class Identity : public CoreTest {
protected:
    Result<Actor> login(const QString& who, const QString& password) {
        return env_->services().users().authenticate(who, password);
    }
};
} // namespace

TEST(Passwords, HashesAreArgon2idAtLeastInteractive) {
    auto hash = password::hash(QStringLiteral("前台密码-2026"));
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hash->startsWith(QStringLiteral("$argon2id$")));
    EXPECT_TRUE(password::verify(*hash, QStringLiteral("前台密码-2026")));
    EXPECT_FALSE(password::verify(*hash, QStringLiteral("前台密码-2025")));
    EXPECT_FALSE(password::needsRehash(*hash));
}

TEST(Passwords, AHashMadeWithWeakerLimitsNeedsRehash) {
    char weak[crypto_pwhash_STRBYTES];
    ASSERT_EQ(crypto_pwhash_str_alg(weak, "secret", 6, crypto_pwhash_OPSLIMIT_MIN,
                                    crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
              0);
    EXPECT_TRUE(password::needsRehash(QString::fromLatin1(weak)));
}

TEST(Passwords, AShortPasswordIsRefusedNamingTheField) {
    auto r = password::checkStrength(QStringLiteral("1234"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("password"));
}

TEST_F(Identity, StoredPasswordsAreNeverClearText) {
    auto v =
        sql::scalar(db(), QStringLiteral("SELECT password_hash FROM users WHERE login = 'clerk1'"));
    ASSERT_TRUE(v);
    EXPECT_TRUE(v->toString().startsWith(QStringLiteral("$argon2id$")));
    EXPECT_FALSE(v->toString().contains(TestServices::passwordOf(QStringLiteral("clerk1"))));
}

TEST_F(Identity, WrongPasswordIsAnAuthenticationFailure) {
    auto r = login(QStringLiteral("clerk1"), QStringLiteral("wrong"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Auth);
    EXPECT_EQ(r.error().exitCode(), 5);
}

TEST_F(Identity, FiveFailuresWithinTheWindowLockTheAccountUntilUnlocked) {
    for (int i = 0; i < 5; ++i)
        ASSERT_FALSE(login(QStringLiteral("clerk1"), QStringLiteral("wrong")));
    auto locked =
        login(QStringLiteral("clerk1"), TestServices::passwordOf(QStringLiteral("clerk1")));
    ASSERT_FALSE(locked); // even the right password
    EXPECT_TRUE(locked.error().message.en.contains(QStringLiteral("locked")));
    EXPECT_TRUE(locked.error().message.zh.contains(QStringLiteral("分钟")));
    const qint64 audit = env_->auditCount();
    auto unlock = env_->run(QStringLiteral("user.unlock"), QStringLiteral("admin"),
                            {{QStringLiteral("login"), QStringLiteral("clerk1")}});
    ASSERT_TRUE(unlock);
    EXPECT_EQ(env_->auditCount(), audit + 1);
    EXPECT_TRUE(
        login(QStringLiteral("clerk1"), TestServices::passwordOf(QStringLiteral("clerk1"))));
}

TEST_F(Identity, TheLockoutItselfIsAudited) {
    const qint64 audit = env_->auditCount();
    for (int i = 0; i < 5; ++i)
        ASSERT_FALSE(login(QStringLiteral("clerk1"), QStringLiteral("wrong")));
    auto rows = AuditLog::rows(db(), QStringLiteral("user"), {}, 5);
    ASSERT_TRUE(rows);
    EXPECT_EQ(env_->auditCount(), audit + 1);
    EXPECT_EQ(rows->first().entry.action, QStringLiteral("auth.lockout"));
}

TEST_F(Identity, FailuresSpreadBeyondTheWindowDoNotLock) {
    for (int i = 0; i < 8; ++i) {
        ASSERT_FALSE(login(QStringLiteral("clerk1"), QStringLiteral("wrong")));
        env_->clock().advanceSeconds(4 * 60); // 4 failures per 15 minutes at most
    }
    EXPECT_TRUE(
        login(QStringLiteral("clerk1"), TestServices::passwordOf(QStringLiteral("clerk1"))));
}

TEST_F(Identity, TheLockExpiresAfterThePolicysMinutes) {
    for (int i = 0; i < 5; ++i)
        ASSERT_FALSE(login(QStringLiteral("clerk1"), QStringLiteral("wrong")));
    env_->clock().advanceSeconds(31 * 60);
    EXPECT_TRUE(
        login(QStringLiteral("clerk1"), TestServices::passwordOf(QStringLiteral("clerk1"))));
}

TEST_F(Identity, OnlyAnAdministratorMayUnlock) {
    auto r = env_->run(QStringLiteral("user.unlock"), QStringLiteral("clerk2"),
                       {{QStringLiteral("login"), QStringLiteral("clerk1")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_EQ(r.error().ruleId, QStringLiteral("permission"));
}

TEST_F(Identity, AddingAUserWithAnUnknownRoleIsRefusedNamingTheField) {
    const qint64 audit = env_->auditCount();
    auto r = env_->run(QStringLiteral("user.add"), QStringLiteral("admin"),
                       {{QStringLiteral("login"), QStringLiteral("x1")},
                        {QStringLiteral("name"), QStringLiteral("某人")},
                        {QStringLiteral("roles"), QStringLiteral("janitor")},
                        {QStringLiteral("password"), QStringLiteral("long-enough")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("roles"));
    EXPECT_EQ(env_->auditCount(), audit);
}

TEST_F(Identity, SignaturesNeedDistinctSigners) {
    ASSERT_TRUE(addNote(QStringLiteral("交接事项")));
    const qint64 audit = env_->auditCount();
    auto same = env_->run(QStringLiteral("note.sign"), QStringLiteral("clerk1"),
                          {{QStringLiteral("id"), 1}},
                          {env_->sign(QStringLiteral("author"), QStringLiteral("clerk1")),
                           env_->sign(QStringLiteral("witness"), QStringLiteral("clerk1"))});
    ASSERT_FALSE(same);
    EXPECT_EQ(same.error().kind, Error::Kind::Refused);
    EXPECT_EQ(same.error().ruleId, QStringLiteral("note-two-signers"));
    EXPECT_EQ(same.error().clause, QStringLiteral("TEST-NOTES-2"));
    EXPECT_EQ(env_->auditCount(), audit);
    EXPECT_EQ(env_->count(QStringLiteral("signatures")), 0);

    auto two = env_->run(QStringLiteral("note.sign"), QStringLiteral("clerk1"),
                         {{QStringLiteral("id"), 1}},
                         {env_->sign(QStringLiteral("author"), QStringLiteral("clerk1")),
                          env_->sign(QStringLiteral("witness"), QStringLiteral("clerk2"))});
    ASSERT_TRUE(two) << two.error().message.en.toStdString();
    EXPECT_EQ(env_->count(QStringLiteral("signatures")), 2);
}

TEST_F(Identity, ASignatureWithAWrongPasswordIsAnAuthenticationFailure) {
    ASSERT_TRUE(addNote(QStringLiteral("交接事项")));
    auto r = env_->run(QStringLiteral("note.sign"), QStringLiteral("clerk1"),
                       {{QStringLiteral("id"), 1}},
                       {env_->sign(QStringLiteral("author"), QStringLiteral("clerk1")),
                        SignatureInput{QStringLiteral("witness"), QStringLiteral("clerk2"),
                                       QStringLiteral("guess")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Auth);
    EXPECT_EQ(r.error().field, QStringLiteral("sign:witness"));
}

TEST_F(Identity, EditingSignedContentInvalidatesTheSignature) {
    ASSERT_TRUE(addNote(QStringLiteral("原始内容")));
    ASSERT_TRUE(env_->run(QStringLiteral("note.sign"), QStringLiteral("clerk1"),
                          {{QStringLiteral("id"), 1}},
                          {env_->sign(QStringLiteral("author"), QStringLiteral("clerk1")),
                           env_->sign(QStringLiteral("witness"), QStringLiteral("clerk2"))}));
    auto before =
        env_->services().signatures().forRecord(db(), QStringLiteral("note"), QStringLiteral("1"));
    ASSERT_TRUE(before);
    ASSERT_EQ(before->size(), 2);
    EXPECT_TRUE(before->at(0).valid);
    EXPECT_EQ(before->at(1).meaning, QStringLiteral("witness"));
    EXPECT_EQ(before->at(1).signerName, QStringLiteral("李强"));

    ASSERT_TRUE(env_->run(
        QStringLiteral("note.edit"), QStringLiteral("clerk1"),
        {{QStringLiteral("id"), 1}, {QStringLiteral("text"), QStringLiteral("改过的内容")}}));
    auto after =
        env_->services().signatures().forRecord(db(), QStringLiteral("note"), QStringLiteral("1"));
    ASSERT_TRUE(after);
    EXPECT_FALSE(after->at(0).valid);
    EXPECT_FALSE(after->at(1).valid);
}

TEST_F(Identity, UserAdministrationIsAudited) {
    const qint64 audit = env_->auditCount();
    ASSERT_TRUE(env_->run(QStringLiteral("user.set_roles"), QStringLiteral("admin"),
                          {{QStringLiteral("login"), QStringLiteral("clerk2")},
                           {QStringLiteral("roles"), QStringLiteral("clerk,archivist")}}));
    EXPECT_EQ(env_->auditCount(), audit + 1);
    auto rows = AuditLog::rows(db(), QStringLiteral("user"), {}, 1);
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->first().entry.oldValues.value(QStringLiteral("roles")).toString(),
              QStringLiteral("clerk"));
    EXPECT_EQ(rows->first().entry.newValues.value(QStringLiteral("roles")).toString(),
              QStringLiteral("clerk,archivist"));
    EXPECT_TRUE(env_->actor(QStringLiteral("clerk2")).hasRole(QStringLiteral("archivist")));
}
