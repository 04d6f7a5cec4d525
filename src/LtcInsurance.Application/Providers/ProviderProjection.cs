using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Providers;

internal static class ProviderProjection
{
    public static ProviderSummary Summary(Institution i, bool sanctionedToday) =>
        new(i.Id, i.Code, i.Name, i.ProviderKind, i.ServiceModes, i.MedicalInstitutionLevel, i.RegionCode, i.Status,
            i.AgreementFrom, i.AgreementTo, sanctionedToday);
}
