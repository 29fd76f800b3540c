-- Secrets the desk needs (central API client secrets). Values are AES-GCM ciphertext made with
-- the desk keystore's secrets key (SecretStore); the name is bound in as associated data, so a
-- row copied under another name does not decrypt. Never holds plain text.
create table secret (
    name        varchar(100) primary key,
    iv          varbinary(12)   not null,
    ciphertext  varbinary(8192) not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  varchar(64) not null
);
