namespace AdviesRoute.Host.Security.Accounts;

/// <summary>The sentences about an account's state that more than one page shows.</summary>
public static class AccountTexts
{
    /// <summary>To a person whose account is switched off, once they proved who they are (the right password, the provider).</summary>
    public const string Deactivated = "Uw account is uitgeschakeld, dus u kunt niet inloggen. Neem contact op met de beheerder als u weer toegang nodig hebt.";
}
