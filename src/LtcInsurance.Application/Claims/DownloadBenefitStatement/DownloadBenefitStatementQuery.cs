using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.DownloadBenefitStatement;

/// <summary>A beneficiary's benefit statement (待遇结算明细) of one month as a PDF (the data of <c>GetBenefitStatementQuery</c>).</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record DownloadBenefitStatementQuery(Guid PersonId, string Month) : IRequest<DocumentFile>;
