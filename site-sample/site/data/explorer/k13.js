window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k13"]=[["210ef7c09086","hmac-sha256","6ab39bb5a9ad1dfc…",0],["7ac618d5c3aa","hmac-sha256","95cc96e7a13103e6…",0]];
