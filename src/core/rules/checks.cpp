#include "rules/checks.h"

#include <QJsonArray>

namespace fd {

CheckOutcome CheckOutcome::failed(QString detail) {
    CheckOutcome o;
    o.kind = Kind::Fail;
    o.detail = std::move(detail);
    return o;
}

CheckOutcome CheckOutcome::needsApproval(QString role, QString detail) {
    CheckOutcome o;
    o.kind = Kind::NeedsApproval;
    o.approverRole = std::move(role);
    o.detail = std::move(detail);
    return o;
}

CheckOutcome CheckOutcome::needsSignatures(std::vector<SignatureRequirement> reqs) {
    CheckOutcome o;
    o.kind = Kind::NeedsSignatures;
    o.signatures = std::move(reqs);
    return o;
}

void CheckRegistry::add(CheckDef def) {
    checks_.insert(def.name, std::move(def));
}

const CheckDef* CheckRegistry::find(const QString& name) const {
    const auto it = checks_.find(name);
    return it == checks_.end() ? nullptr : &it.value();
}

QStringList CheckRegistry::names() const {
    return checks_.keys();
}

void registerCoreChecks(CheckRegistry& registry) {
    registry.add({QStringLiteral("core.require_signatures"),
                  QStringLiteral("E-signatures with the given meanings, by distinct people"),
                  {{QStringLiteral("signers"), RuleParamType::ObjectList}},
                  [](const CheckContext& ctx) -> Result<CheckOutcome> {
                      std::vector<SignatureRequirement> reqs;
                      for (const auto& v :
                           ctx.ruleParams.value(QStringLiteral("signers")).toArray()) {
                          const QJsonObject o = v.toObject();
                          reqs.push_back({o.value(QStringLiteral("meaning")).toString(),
                                          o.value(QStringLiteral("role")).toString()});
                      }
                      return CheckOutcome::needsSignatures(std::move(reqs));
                  }});
    registry.add({QStringLiteral("core.require_approval"),
                  QStringLiteral("Approval by a person holding the role (or one of the roles), "
                                 "not the requester"),
                  {{QStringLiteral("role"), RuleParamType::String},
                   {QStringLiteral("roles"), RuleParamType::StringList}},
                  [](const CheckContext& ctx) -> Result<CheckOutcome> {
                      QStringList roles;
                      for (const auto& v : ctx.ruleParams.value(QStringLiteral("roles")).toArray())
                          roles << v.toString();
                      if (roles.isEmpty())
                          roles << ctx.ruleParams.value(QStringLiteral("role")).toString();
                      return CheckOutcome::needsApproval(roles.join(QLatin1Char(',')));
                  }});
    registry.add({QStringLiteral("core.require_reason"),
                  QStringLiteral("A written reason of at least min_length characters"),
                  {{QStringLiteral("min_length"), RuleParamType::Int}},
                  [](const CheckContext& ctx) -> Result<CheckOutcome> {
                      const int min = ctx.ruleParams.value(QStringLiteral("min_length")).toInt(2);
                      return ctx.reason.trimmed().size() >= min ? CheckOutcome::pass()
                                                                : CheckOutcome::failed();
                  }});
    registry.add({QStringLiteral("core.required_fields"),
                  QStringLiteral("The listed parameters must be present and non-empty"),
                  {{QStringLiteral("fields"), RuleParamType::StringList}},
                  [](const CheckContext& ctx) -> Result<CheckOutcome> {
                      for (const auto& f :
                           ctx.ruleParams.value(QStringLiteral("fields")).toArray()) {
                          const QString name = f.toString();
                          if (ctx.params.value(name).toString().trimmed().isEmpty())
                              return CheckOutcome::failed(name);
                      }
                      return CheckOutcome::pass();
                  }});
}

} // namespace fd
