using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.DownloadProviderStatement;

/// <summary>
/// The statement (结算单) of the provider and month of a claim, as a PDF (Chinese font embedded) or an xlsx sheet: every
/// line of the month's standing claims, fund and personal amounts, cut reasons, the shares to collect. An institution
/// user gets only its own provider's (another's claim is as unknown as a missing one); clerks, admins and auditors any
/// of the tenant's.
/// </summary>
/// <param name="Format"><c>pdf</c> or <c>xlsx</c>.</param>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record DownloadProviderStatementQuery(Guid ClaimId, string Format) : IRequest<DocumentFile>;
