package dev.thetaevolve.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Service-wide settings in the database, so that every replica of one database agrees on them. */
@ApplicationScoped
public class SettingsStore {

    @Inject
    Repositories.Settings settings;

    @Transactional
    public String get(String name) {
        SettingEntity s = settings.findById(name);
        return s == null ? null : s.value;
    }

    /**
     * Stores {@code value} under {@code name} unless a value is there already. Two processes racing here
     * both end up with the first value: the loser's insert fails on the primary key and it reads the winner's.
     *
     * @return the value now stored
     */
    public String putIfAbsent(String name, String value) {
        String existing = get(name);
        if (existing != null) return existing;
        try {
            insert(name, value);
            return value;
        } catch (RuntimeException e) {
            String winner = get(name);
            if (winner == null) throw e;
            return winner;
        }
    }

    /** Stores {@code value} under {@code name}, replacing what was there. */
    @Transactional
    public void put(String name, String value) {
        SettingEntity s = settings.findById(name);
        if (s != null) {
            s.value = value;
            return;
        }
        s = new SettingEntity();
        s.name = name;
        s.value = value;
        settings.persist(s);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(String name, String value) {
        SettingEntity s = new SettingEntity();
        s.name = name;
        s.value = value;
        settings.persist(s);
        settings.flush();
    }
}
