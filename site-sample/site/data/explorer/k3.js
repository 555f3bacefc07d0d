window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k3"]=[["8fc13a01c959","hmac-sha256","5910394873d26b19…",0],["c43583a3ff77","hmac-sha256","5cae95d9a0198282…",4]];
