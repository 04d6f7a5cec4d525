using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Providers.RegisterInstitution;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers.RegisterIndividualProvider;

internal sealed class RegisterIndividualProviderCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RegisterIndividualProviderCommand, Guid>
{
    public async Task<Guid> Handle(RegisterIndividualProviderCommand request, CancellationToken cancellationToken)
    {
        var tenant = ProviderLookup.Tenant(db);
        var city = CityRegistry.Current.Find(tenant);
        ProviderRule.Check(city?.IndividualProvidersClause is null, ProviderCodes.IndividualNotAdmitted, ProviderClauses.Individual,
            $"{city?.NameZh ?? tenant}的实施文件没有规定个体服务人员作为定点服务提供者（个体服务人员见 {ProviderClauses.Individual}），不能登记");

        var terms = request.Terms with { ServiceModes = [ServiceMode.IndividualCareWorker.Code()], MedicalInstitutionLevel = null };
        var provider = await ProviderRegistration.NewAsync(db, request.Code, ProviderKinds.Individual, terms, cancellationToken);
        var log = ProviderChangeLog.For(db, user, clock);
        log.Add(provider.Id, null, ProviderFields.Registered, null, provider.Code,
            $"{ProviderKinds.ChineseName(ProviderKinds.Individual)}（依据 {city!.IndividualProvidersClause}）");
        ProviderTermsApplier.Apply(provider, terms, log);
        db.Institutions.Add(provider);

        var idNumber = IdNumber.Parse(request.IdNumber).ToString();
        var worker = CareWorker.Register(tenant, provider.Id, provider.Name, idNumber, request.Qualifications, log.ChangedBy, log.ChangedAt);
        db.Set<CareWorker>().Add(worker);
        log.Add(provider.Id, worker.Id, ProviderFields.WorkerAdded, null, $"{worker.Name} {ProviderLookup.Mask(idNumber)}");
        await db.SaveChangesAsync(cancellationToken);
        return provider.Id;
    }
}
