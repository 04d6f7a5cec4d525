using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ContributionBases.RunBaseImport;

/// <summary>
/// Runs a queued base-file import (the job <see cref="BaseImportJob"/> sends it) from the file stored with its job: every
/// row is checked (ID number on the register, name if given, year or months, kind, amount, no second row for the same
/// person, kind and months in the file), then the valid rows' bases are recorded in one transaction. A base the person
/// already has for the same kind and months with the same amount is not recorded again, so a job run twice (its worker
/// having died) or the same file imported again adds nothing. A file that cannot be read (no header, a required column
/// missing) fails the job with the reason.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RunBaseImportCommand(Guid JobId) : IRequest<BaseImportResult>;
