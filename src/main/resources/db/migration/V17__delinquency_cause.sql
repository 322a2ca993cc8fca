-- R12: the cause of delinquency (逾期原因) as the debtor gives it on a call, recorded with the call's
-- outcome after the identity check. The case page shows the latest one; codes: workbench.DelinquencyCause.
alter table workbench_call add column delinquency_cause text
    check (delinquency_cause in ('JOB_LOSS', 'INCOME_DROP', 'ILLNESS_OR_ACCIDENT', 'BUSINESS_DIFFICULTY', 'OVER_INDEBTED',
                                 'FAMILY_EVENT', 'FORGOT', 'PAYMENT_CHANNEL_PROBLEM', 'DISPUTES_DEBT', 'UNWILLING', 'OTHER'));
