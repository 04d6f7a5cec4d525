using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims.ReadClaimFile;

/// <summary>
/// Reads an uploaded claim file (csv or xlsx by <see cref="FileName"/>'s extension, the template's columns) with the
/// register import's reader and its limits (<c>RegisterFileLimits</c>: size, rows, zip expansion, no DTD) into claim
/// lines. Stores nothing: the portal submits the lines with <c>SubmitClaimCommand</c> when the file has no problem of
/// form, keyed by <see cref="ClaimFileContent.Sha256"/> so the same file sent twice is one claim.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Clerk)]
public sealed record ReadClaimFileQuery(Stream File, string FileName) : IRequest<ClaimFileContent>;

/// <param name="Problems">Every problem of form, by line; when there is any, the file must not be submitted.</param>
/// <param name="Sha256">The file's hash (lower-case hex), for the submission's idempotency key.</param>
public sealed record ClaimFileContent(IReadOnlyList<ClaimLineInput> Lines, IReadOnlyList<ClaimFileProblem> Problems, string Sha256);
